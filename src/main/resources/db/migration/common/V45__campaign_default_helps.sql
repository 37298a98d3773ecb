-- How many helps a request of the campaign usually needs, so the post form starts there
-- instead of at 1. Settings, not facts about the apps (DESIGN.md §5): change them here.
alter table campaign_types add column default_helps integer not null default 1;
alter table campaign_types add constraint campaign_types_default_helps_check check (default_helps between 1 and 50);
update campaign_types set default_helps = 5 where code in ('pdd-bargain', 'pdd-cash-wheel');
update campaign_types set default_helps = 3 where code in ('pdd-free-order', 'temu-free-gift', 'temu-fishland', 'temu-farmland');
update campaign_types set default_helps = 2 where code = 'pdd-group-buy';
