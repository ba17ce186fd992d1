-- Rule sets: versions of the DRL of one rule base (commission or pricing). Version 1 of
-- each base is the text of rules/<base>/*.drl, stored at the first start. A version is
-- in force for a date through the newest activation whose active_from is on or before it,
-- so activating an older version from a date rolls back from that date on.
create table rule_sets (
  id          bigserial primary key,
  base        text not null check (base in ('commission', 'pricing')),
  drl         text not null,
  note        text,
  created_by  text not null,
  created_at  timestamptz not null
);
create index rule_sets_base on rule_sets (base, id);

create table rule_set_activations (
  id           bigserial primary key,
  base         text not null check (base in ('commission', 'pricing')),
  rule_set_id  bigint not null references rule_sets (id),
  active_from  date not null,
  activated_by text not null,
  activated_at timestamptz not null
);
create index rule_set_activations_base on rule_set_activations (base, id);
