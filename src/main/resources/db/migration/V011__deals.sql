-- Deals: an account, an owner, credit splits summing to 100, a stage with its
-- probability, and the business case. Every stage change is kept with who and when.
create table deals (
  id                 bigserial primary key,
  account_name       text not null,
  account_industry   text,
  owner              text not null references users (username),
  stage              text not null check (stage in ('PROSPECTING', 'QUALIFIED', 'NEEDS_ANALYSIS', 'PROPOSAL',
                                                    'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST', 'CANCELLED')),
  probability        integer not null check (probability between 0 and 100),
  expected_close     date not null,
  closed_on          date,
  type               text not null check (type in ('NEW', 'EXPANSION', 'RENEWAL')),
  next_step          text,
  business_case      jsonb not null default '{}',
  primary_quote_id   bigint,
  version            integer not null default 1,
  created_at         timestamptz not null,
  updated_at         timestamptz not null
);
create index deals_owner on deals (owner);
create index deals_stage on deals (stage, closed_on);

create table deal_splits (
  deal_id   bigint not null references deals (id) on delete cascade,
  username  text not null references users (username),
  percent   numeric(7, 4) not null check (percent > 0 and percent <= 100),
  primary key (deal_id, username)
);

create table deal_stage_history (
  id          bigserial primary key,
  deal_id     bigint not null references deals (id) on delete cascade,
  from_stage  text,
  to_stage    text not null,
  changed_by  text not null,
  changed_at  timestamptz not null
);
create index deal_stage_history_deal on deal_stage_history (deal_id, id);
