-- Pipeline: a deal's own expected amount and currency (the rep's estimate before a quote exists),
-- a forecast category the rep may set (null: the stage's default), an external id for CRM imports,
-- every change of the expected close date, and funnel plans per user, period and stage.
alter table deals add column expected_amount numeric(19, 4) check (expected_amount >= 0);
alter table deals add column currency char(3);
alter table deals add column forecast_category text
    check (forecast_category in ('PIPELINE', 'BEST_CASE', 'COMMIT', 'OMITTED', 'CLOSED'));
alter table deals add column external_id text;
create unique index deals_external_id on deals (external_id) where external_id is not null;
create index deals_expected_close on deals (expected_close);

create table deal_close_date_history (
  id          bigserial primary key,
  deal_id     bigint not null references deals (id) on delete cascade,
  from_date   date not null,
  to_date     date not null,
  changed_by  text not null,
  changed_at  timestamptz not null
);
create index deal_close_date_history_deal on deal_close_date_history (deal_id, id);

create table funnel_plans (
  username    text not null references users (username),
  period      text not null,
  stage       text not null check (stage in ('PROSPECTING', 'QUALIFIED', 'NEEDS_ANALYSIS', 'PROPOSAL',
                                             'NEGOTIATION', 'CLOSED_WON')),
  planned     integer not null check (planned >= 0),
  updated_by  text not null,
  updated_at  timestamptz not null,
  primary key (username, period, stage)
);
