-- the latest earlier version whose every approval was given
select max(version) from quote_approvals a
where quote_id = :quoteId and version < :version
  and not exists (select 1 from quote_approvals o
                  where o.quote_id = a.quote_id and o.version = a.version and o.status <> 'APPROVED')
