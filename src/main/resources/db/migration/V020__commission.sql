-- Commission: plan documents (versioned, effective-dated), assignments, quotas,
-- transactions with splits, computed statements and recompute jobs.

create table commission_plans (
  id             text not null,
  version        int not null check (version > 0),
  effective_from date not null,
  document       text not null,
  created_by     text not null,
  created_at     timestamptz not null,
  primary key (id, version)
);

-- A user is on one plan at a time; valid_to is inclusive, null is open-ended.
create table commission_assignments (
  username   text not null references users (username),
  plan_id    text not null,
  valid_from date not null,
  valid_to   date,
  primary key (username, valid_from),
  check (valid_to is null or valid_to >= valid_from)
);

create table commission_quotas (
  username text not null references users (username),
  period   text not null,
  amount   numeric not null check (amount >= 0),
  primary key (username, period)
);

-- source: IMPORT (API or CSV) or DEAL (closed won here). Same id again replaces.
create table commission_transactions (
  id           text primary key,
  deal_id      text not null,
  close_date   date not null,
  sku          text,
  family       text,
  units        numeric,
  amount       numeric not null,
  currency     text not null,
  industry     text,
  deal_type    text,
  acv          numeric,
  tcv          numeric,
  cancelled_on date,
  source       text not null check (source in ('IMPORT', 'DEAL')),
  updated_at   timestamptz not null
);
create index commission_transactions_deal on commission_transactions (deal_id);

create table commission_splits (
  transaction_id text not null references commission_transactions (id) on delete cascade,
  username       text not null references users (username),
  percent        numeric not null check (percent > 0 and percent <= 100),
  primary key (transaction_id, username)
);
create index commission_splits_user on commission_splits (username, transaction_id);

-- Computed statements. An OPEN row is a cache: deleted when its inputs change and
-- recomputed on read or by a job. A CLOSED or PAID row never changes.
create table commission_statements (
  username     text not null references users (username),
  period       text not null,
  period_start date not null,
  period_end   date not null,
  status       text not null check (status in ('OPEN', 'CLOSED', 'PAID')),
  body         text not null,
  draw_balance numeric not null,
  computed_at  timestamptz not null,
  primary key (username, period)
);
create index commission_statements_end on commission_statements (username, period_end);

-- User-periods to recompute; claimed with SELECT ... FOR UPDATE SKIP LOCKED, so any
-- instance may take one and a crashed instance's claim is released with its transaction.
create table commission_jobs (
  username    text not null references users (username),
  period      text not null,
  enqueued_at timestamptz not null,
  primary key (username, period)
);

-- Bumped in the transaction of every write that changes a user's commission inputs,
-- so any instance can tell whether an input it holds in memory is still current.
create table commission_user_versions (
  username text primary key references users (username),
  version  bigint not null
);
