-- A product's name, description and unit per language, for proposals in the
-- customer's language; a missing field falls back to the product's own text.
create table product_translations (
  sku          text not null references products (sku) on delete cascade,
  language     text not null check (language ~ '^[a-z]{2,3}$'),
  name         text,
  description  text,
  unit         text,
  primary key (sku, language)
);
