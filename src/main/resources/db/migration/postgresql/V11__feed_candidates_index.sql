-- The fair-order feed reads every open, unexpired request of one group (ids and a few
-- numbers) before it orders them: this partial index answers exactly that.
create index help_requests_open_by_group on help_requests (group_id, expires_at) where status = 'OPEN';
