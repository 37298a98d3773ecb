-- The group feed reads only open requests; a partial index keeps it small and ordered.
create index help_requests_feed on help_requests (group_id, boosted_until desc, created_at desc) where status = 'OPEN';
create index help_requests_feed_campaign on help_requests (group_id, campaign, created_at desc) where status = 'OPEN';
