-- The public digest lists published answers, newest first.
create index appeals_published_idx on appeals (replied_at desc) where published and merged_into is null;
