-- Quotes the viewer may see (a rep: owned, or on deals they own or share; a manager: also the team's deals;
-- finance and admins: all), filtered, newest change first, with the count of all matches on every row.
select q.id, q.deal_id, q.owner, d.account_name, v.request -> 'customer' ->> 'name' as customer_name,
       q.status, q.version, q.currency, (v.priced -> 'totals')::text as totals, q.updated_at,
       count(*) over () as total
from quotes q
join quote_versions v on v.quote_id = q.id and v.version = q.version
join deals d on d.id = q.deal_id
where (:role in ('FINANCE', 'ADMIN')
       or q.owner = :viewer
       or d.owner = :viewer
       or exists (select 1 from deal_splits s where s.deal_id = d.id and s.username = :viewer)
       or (:role = 'MANAGER' and d.owner in (select username from users where manager = :viewer)))
  and (cast(:owner as text) is null or q.owner = :owner)
  and (cast(:status as text) is null or q.status = :status)
  and (cast(:dealId as bigint) is null or q.deal_id = :dealId)
  and (cast(:pattern as text) is null
       or v.request -> 'customer' ->> 'name' ilike :pattern escape '!'
       or d.account_name ilike :pattern escape '!')
  and (not :awaitingMyApproval
       or (q.status = 'PENDING_APPROVAL' and q.owner <> :viewer and exists (
             select 1 from quote_approvals a
             where a.quote_id = q.id and a.version = q.version and a.status = 'PENDING'
               and ((a.level = 'MANAGER' and :role = 'MANAGER'
                     and q.owner in (select username from users where manager = :viewer))
                    or (a.level = 'DEAL_DESK' and :role in ('FINANCE', 'ADMIN'))
                    or (a.level = 'FINANCE' and :role = 'FINANCE')))))
order by q.updated_at desc, q.id desc
limit :limit offset :offset
