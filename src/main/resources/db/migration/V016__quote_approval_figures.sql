-- Approval requirements are data: what was measured, against which threshold,
-- and the quote's figure, so a new version asks again only when a figure grew.
-- Rows from before have no figures and never carry over.
alter table quote_approvals
  add column metric    text check (metric in ('LINE_DISCOUNT_PERCENT', 'TOTAL_DISCOUNT_PERCENT', 'TCV')),
  add column threshold numeric,
  add column actual    numeric;
