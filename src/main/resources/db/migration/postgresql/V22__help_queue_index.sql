-- The help queue serves, per group, the open request closest to done, then the oldest
-- (HelpQueries.nextFor): in this index's order, so it reads from the front and stops at
-- the first request the helper may help, however many are open.
create index help_requests_queue on help_requests (group_id, (helps_needed - helps_confirmed), created_at, id)
    where status = 'OPEN';
