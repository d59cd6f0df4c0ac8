-- The working calendar for time limits (appeals, 12345): the official calendar of public
-- holidays and swapped working days comes with the chinese-days library; an administrator
-- corrects or extends it here (a year the library does not know yet, a local holiday), and a
-- day here always wins.
create table calendar_overrides (
  day date primary key,
  workday boolean not null,
  name text not null check (length(name) between 1 and 50),
  updated_by bigint references users(id),
  updated_by_name text not null,
  updated_at timestamptz not null default now()
);
