-- The catalog: products, bundles with options, configuration rules, price books.
create table products (
  sku          text primary key check (sku ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  name         text not null,
  family       text not null,
  kind         text not null check (kind in ('ONE_TIME', 'SUBSCRIPTION', 'SERVICE')),
  unit         text not null,
  fractional   boolean not null default false,
  description  text not null default '',
  active       boolean not null default true,
  updated_at   timestamptz not null default now()
);
create index products_family on products (family);

create table bundles (
  sku  text primary key references products (sku)
);

create table bundle_options (
  bundle_sku        text not null references bundles (sku) on delete cascade,
  option_sku        text not null references products (sku),
  min_quantity      numeric(19, 4) not null default 0,
  max_quantity      numeric(19, 4),
  required          boolean not null default false,
  default_quantity  numeric(19, 4) not null default 0,
  position          integer not null default 0,
  primary key (bundle_sku, option_sku)
);

create table configuration_rules (
  id              bigserial primary key,
  kind            text not null check (kind in ('REQUIRES', 'EXCLUDES', 'QUANTITY_LIMIT')),
  subject_sku     text references products (sku),
  subject_family  text,
  target_sku      text references products (sku),
  target_family   text,
  min_quantity    numeric(19, 4),
  max_quantity    numeric(19, 4),
  message         text not null,
  check ((subject_sku is null) <> (subject_family is null))
);

create table price_books (
  name         text primary key,
  description  text not null default '',
  active       boolean not null default true
);

create table price_book_entries (
  id              bigserial primary key,
  price_book      text not null references price_books (name) on delete cascade,
  sku             text not null references products (sku),
  currency        char(3) not null,
  list_price      numeric(19, 4) not null check (list_price >= 0),
  effective_from  date not null,
  effective_to    date,
  unique (price_book, sku, currency, effective_from),
  check (effective_to is null or effective_to >= effective_from)
);
create index price_book_entries_lookup on price_book_entries (price_book, currency, sku);

-- Bumped by every catalog write, so each instance knows when its cached snapshot is stale.
create table catalog_version (
  id       boolean primary key default true check (id),
  version  bigint not null
);
insert into catalog_version values (true, 1);
