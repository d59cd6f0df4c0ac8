-- Appeals at a million rows (bench/appeals.bench.ts, figures in bench/README.md): the list, the
-- dashboard (诉求分析) and the duplicates shown at intake read from indexes that carry the columns
-- they filter on — the data-scope columns (region, responsible unit, author) included — so that
-- counting tens of thousands of appeals is an index-only scan rather than a heap visit per row.

-- Newest first, in the list's exact order (created_at desc, id desc); the dashboard's period scan
-- reads category, place, state and scope from it. Replaces the plain created_at index.
drop index appeals_created_idx;
create index appeals_created_cover_idx on appeals (created_at desc, id desc)
  include (category_code, region_code, status, satisfaction, due_at, responsible_org_id, created_by);

-- Replies standing in a period (按时答复率): whether each was escalated on its clock, and its scope.
create index appeals_replied_idx on appeals (replied_at)
  include (escalated_at, clock_started_at, category_code, region_code, responsible_org_id, created_by)
  where status in ('replied', 'closed') and merged_into is null;

-- Open appeals, oldest first (the dashboard's backlog, the list's "open" and "overdue" filters):
-- a few percent of the table.
create index appeals_open_idx on appeals (created_at, id)
  include (status, due_at, category_code, region_code, responsible_org_id, created_by)
  where status in ('received', 'dispatched', 'accepted', 'in_progress', 'returned', 'reply_drafted');

-- Possible duplicates at intake: the same category in the same community, or within 300 m (a band
-- of latitude), three days either side.
create index appeals_category_region_created_idx on appeals (category_code, region_code, created_at);
create index appeals_category_lat_idx on appeals (category_code, lat, created_at) where lat is not null;
