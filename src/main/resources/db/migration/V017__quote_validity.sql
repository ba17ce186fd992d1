-- Each quote version is valid until a date (by default 30 days after the
-- version's date); after it the quote shows as EXPIRED and cannot be
-- presented or accepted. Versions from before get the default.
alter table quote_versions add column valid_until date;
update quote_versions set valid_until = (created_at at time zone 'UTC')::date + 30;
alter table quote_versions alter column valid_until set not null;
