-- H2 has no partial indexes: the same columns, unfiltered.
create index help_requests_feed on help_requests (group_id, status, created_at desc);
create index help_requests_feed_campaign on help_requests (group_id, campaign, status, created_at desc);
