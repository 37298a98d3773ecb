-- History does not slow the present (issue #10): with 2 000 000 rows of history these
-- reads went through more of it than they show (HistoryQueryPlanIntegrationTests).

-- "My requests", newest first, a page at a time: read the page, not every request the
-- member ever posted (1 003 rows for 21 before). Serves every lookup by author as well,
-- so it replaces (author_id, status).
create index help_requests_author_newest on help_requests (author_id, created_at desc, id desc);
drop index help_requests_author;

-- The expiry sweep (status OPEN, expires_at past, in id order): walk the open requests in
-- id order, not the whole table's primary key (397 200 rows read for none due before).
-- An index in (expires_at, id) order does not help this query: the planner still takes
-- the primary key for its "order by id limit". Once the sweep reads in (expires_at, id)
-- order over such an index (the jobs branch, V20 help_requests_overdue), drop this one.
create index help_requests_open_by_id on help_requests (id) where status = 'OPEN';

-- A helper's confirmed helps: counted for reciprocity (index only, no table rows) and,
-- within a window, for the posting rule (only the window's, not every help they gave).
create index claims_helper_status_decided on claims (helper_id, status, decided_at);
