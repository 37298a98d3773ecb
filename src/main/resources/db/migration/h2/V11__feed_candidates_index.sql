create index help_requests_open_by_group on help_requests (group_id, status, expires_at);
