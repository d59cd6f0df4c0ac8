-- The public digest lists published answers, newest first.
create index appeals_published_idx on appeals (replied_at desc) where published and merged_into is null;

-- Photos of an appeal (the fallen cable, the open manhole). An appeal is about a place, not a
-- household: its files have no household.
alter table attachments alter column household_id drop not null;
alter table attachments drop constraint attachments_entity_type_check;
alter table attachments add constraint attachments_entity_type_check check (entity_type in ('measure', 'visit', 'appeal'));
alter table attachments add constraint attachments_household_check check (household_id is not null or entity_type = 'appeal');
