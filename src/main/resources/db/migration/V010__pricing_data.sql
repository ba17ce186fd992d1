-- Pricing data the rules read (volume schedules, term discounts, segment and
-- partner prices, contracted prices, promotions, floors, approval thresholds).
-- Each change stores a whole new version of the document; the newest is in
-- force, the older ones are the history of who changed what.
create table pricing_data_versions (
  version     bigserial primary key,
  document    jsonb not null,
  changed_by  text not null,
  changed_at  timestamptz not null default now()
);
