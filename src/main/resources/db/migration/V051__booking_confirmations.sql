-- A deal closed won by its own rep books its commission only once the rep's manager
-- or finance confirms it: until then the booking is PENDING (shown, never earned or paid).
-- Deals closed by a manager, finance or an admin, and imported bookings, never wait here.
create table booking_confirmations (
  deal_id      bigint primary key references deals (id),
  owner        text not null references users (username),
  status       text not null check (status in ('PENDING', 'CONFIRMED', 'CANCELLED')),
  closed_by    text not null,
  closed_at    timestamptz not null,
  confirmed_by text,
  confirmed_at timestamptz,
  check ((status = 'CONFIRMED') = (confirmed_by is not null and confirmed_at is not null))
);
create index booking_confirmations_pending on booking_confirmations (owner) where status = 'PENDING';
