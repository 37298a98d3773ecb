-- The daily-stats job reads one China day of requests and claims (docs/stats.md):
-- posted by created_at, closed (fulfilled, expired) by closed_at, helps by the time
-- their claim was confirmed. Each read walks its day's slice of one index.
create index help_requests_created on help_requests (created_at);
create index help_requests_closed on help_requests (closed_at) where closed_at is not null;
create index claims_confirmed_decided on claims (decided_at) where status = 'CONFIRMED';
