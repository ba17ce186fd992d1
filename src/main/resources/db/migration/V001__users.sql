-- Users, their roles and reporting line; bearer tokens are stored as SHA-256 hashes.
create table users (
  id            bigserial primary key,
  username      text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  name          text not null,
  role          text not null check (role in ('REP', 'MANAGER', 'FINANCE', 'ADMIN')),
  manager       text references users (username),
  password_hash text not null,
  active        boolean not null default true,
  created_at    timestamptz not null default now()
);

create table auth_tokens (
  token_hash  bytea primary key,
  user_id     bigint not null references users (id) on delete cascade,
  created_at  timestamptz not null,
  expires_at  timestamptz not null
);
create index auth_tokens_expiry on auth_tokens (expires_at);

-- Append-only log of every change to money-relevant or access-relevant data.
create table audit_log (
  id         bigserial primary key,
  at         timestamptz not null default now(),
  actor      text not null,
  action     text not null,
  entity     text not null,
  entity_id  text not null,
  before     jsonb,
  after      jsonb
);
create index audit_log_entity on audit_log (entity, entity_id);

create rule audit_log_no_update as on update to audit_log do instead nothing;
create rule audit_log_no_delete as on delete to audit_log do instead nothing;
