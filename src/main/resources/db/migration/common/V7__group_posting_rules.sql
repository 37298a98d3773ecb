-- Help before you post (DESIGN §6): the first free_posts requests of a member are free;
-- after that, posting here needs helps_to_post helps given in the last help_window_hours.
alter table topic_groups add column free_posts integer not null default 3;
alter table topic_groups add column helps_to_post integer not null default 1;
alter table topic_groups add column help_window_hours integer not null default 48;
alter table topic_groups add constraint topic_groups_posting_rule_check
    check (free_posts between 0 and 100 and helps_to_post between 0 and 50 and help_window_hours between 1 and 720);
