-- Why an author rejected a claim (one tap from a short list; null for rejections made
-- before there were reasons, or through the API without one), and the helper's one answer.
alter table claims add column reject_reason varchar(16);
alter table claims add constraint claims_reject_reason_check
    check (reject_reason is null or (status = 'REJECTED'
        and reject_reason in ('NO_RECORD', 'WRONG_LINK', 'DOUBLE_TAP', 'OTHER')));

-- the key the answers' foreign key needs: an answer names its claim's own helper
alter table claims add constraint claims_id_helper unique (id, helper_id);

-- The helper's answer to a rejection: one per claim (the primary key), by the claim's
-- helper (the foreign key), at most 280 characters.
create table claim_answers (
    claim_id bigint primary key,
    helper_id bigint not null,
    text varchar(280) not null,
    answered_at timestamp(6) with time zone not null,
    constraint claim_answers_claim foreign key (claim_id, helper_id) references claims (id, helper_id),
    constraint claim_answers_not_blank check (char_length(trim(text)) > 0)
);
