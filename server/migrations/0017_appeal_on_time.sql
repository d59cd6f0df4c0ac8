-- On time (按时答复) is decided when the clock stops: the reply drafted before the due time, or
-- not. It was read from the escalation record, which the 15-minute sweep writes — a reply drafted
-- late but before the sweep counted as on time. The answer is kept with the reply; a reply sent
-- back and drafted again is decided again.
alter table appeals add column replied_in_time boolean;
update appeals set replied_in_time = (escalated_at is null or escalated_at < clock_started_at)
  where reply_text is not null;

drop index appeals_replied_idx;
create index appeals_replied_idx on appeals (replied_at)
  include (replied_in_time, category_code, region_code, responsible_org_id, created_by)
  where status in ('replied', 'closed') and merged_into is null;
