-- What a request is about in a few words ("空气炸锅 还差3刀"), as the member typed it; null
-- when they left it empty (cards then name the product of the share text, or the campaign)
alter table help_requests add column title varchar(40);
