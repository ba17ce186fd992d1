-- Finance: dated exchange rates, adjustments, disputes with comments, and the
-- who-and-when of period close and pay.

-- One unit of from_currency is worth rate units of to_currency from valid_on on,
-- until a later row for the same pair.
create table exchange_rates (
  from_currency text not null,
  to_currency   text not null,
  valid_on      date not null,
  rate          numeric not null check (rate > 0),
  updated_by    text not null,
  updated_at    timestamptz not null,
  primary key (from_currency, to_currency, valid_on),
  check (from_currency <> to_currency)
);

-- A booking in another currency than its plan's is stored converted; the original
-- amount, currency and the rate used stay with it for the trace.
alter table commission_transactions add column original_amount   numeric;
alter table commission_transactions add column original_currency text;
alter table commission_transactions add column exchange_rate     numeric;
alter table commission_transactions add column rate_date         date;

create table disputes (
  id                bigserial primary key,
  username          text not null references users (username),
  period            text not null,
  transaction_id    text not null,
  reason            text not null,
  expected_amount   numeric,
  status            text not null check (status in ('OPEN', 'ADJUSTED', 'NO_CHANGE', 'REJECTED')),
  resolution_amount numeric,
  resolution_reason text,
  resolved_by       text,
  resolved_at       timestamptz,
  created_by        text not null,
  created_at        timestamptz not null
);
create index disputes_user on disputes (username, period);
create index disputes_status on disputes (status);

create table dispute_comments (
  id         bigserial primary key,
  dispute_id bigint not null references disputes (id),
  author     text not null,
  text       text not null,
  created_at timestamptz not null
);
create index dispute_comments_dispute on dispute_comments (dispute_id, id);

-- MANUAL by finance, DISPUTE from a resolved dispute, PRIOR_PERIOD the difference a
-- late change made to a closed period (source_period names it). Posted in an open period.
create table adjustments (
  id            bigserial primary key,
  username      text not null references users (username),
  period        text not null,
  kind          text not null check (kind in ('MANUAL', 'DISPUTE', 'PRIOR_PERIOD')),
  amount        numeric not null,
  currency      text not null,
  reason        text not null,
  source_period text,
  dispute_id    bigint references disputes (id),
  created_by    text not null,
  created_at    timestamptz not null
);
create index adjustments_user on adjustments (username, period);

-- Who closed and who paid a period, and when; the statements carry the status.
create table finance_periods (
  period    text primary key,
  closed_by text,
  closed_at timestamptz,
  paid_by   text,
  paid_at   timestamptz
);
