-- Failed sign-ins per account ('account:alice') and per address ('address:203.0.113.9'):
-- after a handful of failures each further attempt waits longer (blocked_until).
create table sign_in_failures (
  key             text primary key,
  failures        integer not null,
  last_failure_at timestamptz not null,
  blocked_until   timestamptz
);
