-- Import: every problem found in a stored import batch, one row per cell, so the annotated
-- error workbook can mark all of them however many there are (the batch's report keeps
-- only the first ones).
create table import_batch_errors (
  id bigint generated always as identity primary key,
  batch_id bigint not null references import_batches(id) on delete cascade,
  -- As the spreadsheet shows it: the header is row 1.
  row_no int not null,
  -- 0-based column of the user's file; null when the problem has no single column.
  col_index int,
  field text not null,
  message text not null
);
create index import_batch_errors_batch_idx on import_batch_errors (batch_id, row_no, id);
create index import_batches_org_idx on import_batches (org_id, created_at desc);
