-- Quotes belong to a deal. The request (customer, currency, price book, term,
-- lines) and its priced result are stored as JSON per version; the quote row
-- holds the current version, its status and the figures others query.
create table quotes (
  id           bigserial primary key,
  deal_id      bigint not null references deals (id),
  owner        text not null references users (username),
  status       text not null check (status in ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'PRESENTED', 'ACCEPTED',
                                               'REJECTED', 'EXPIRED')),
  version      integer not null,
  currency     text not null,
  tcv          numeric(19, 2) not null,
  acv          numeric(19, 2) not null,
  created_at   timestamptz not null,
  updated_at   timestamptz not null
);
create index quotes_deal on quotes (deal_id);
create index quotes_owner on quotes (owner);

alter table deals add constraint deals_primary_quote foreign key (primary_quote_id) references quotes (id);

create table quote_versions (
  quote_id    bigint not null references quotes (id) on delete cascade,
  version     integer not null,
  request     jsonb not null,
  priced      jsonb not null,
  created_by  text not null,
  created_at  timestamptz not null,
  primary key (quote_id, version)
);

-- One row per approval a version asked for. An approval given for the same
-- level and reason on an earlier version carries over (carried_from).
create table quote_approvals (
  id            bigserial primary key,
  quote_id      bigint not null references quotes (id) on delete cascade,
  version       integer not null,
  level         text not null check (level in ('MANAGER', 'DEAL_DESK', 'FINANCE')),
  reason        text not null,
  status        text not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
  decided_by    text,
  decided_at    timestamptz,
  comment       text,
  carried_from  integer
);
create index quote_approvals_quote on quote_approvals (quote_id, version);
