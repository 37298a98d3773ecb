-- A member's optional Pinduoduo / WeChat nickname, shown on their claims so an author can
-- match them to the app's list of helpers. Checked (NFKC, visible characters) in Java.
alter table members add column nickname varchar(32);
alter table members add constraint members_nickname_not_blank
    check (nickname is null or char_length(trim(nickname)) > 0);
