-- The credit economy's rules (docs/credits.md). What a confirmed help paid, and why: one
-- row per confirmed claim, so the caps count with an index and every rule is explained.
create table help_payments (
    claim_id bigint not null primary key references claims (id),
    request_id bigint not null references help_requests (id),
    helper_id bigint not null references members (id),
    author_id bigint not null references members (id),
    -- credits the help paid or holds; 0 when it paid nothing
    amount bigint not null,
    state varchar(16) not null,
    -- why it paid less than a full credit, is held, or was reversed (a PaymentReason)
    reason varchar(32),
    automatic boolean not null,
    decided_at timestamp(6) with time zone not null,
    -- when a held credit was released or cancelled, or a payment reversed
    settled_at timestamp(6) with time zone,
    constraint help_payments_state_check check (state in ('PAID', 'HELD', 'RELEASED', 'NONE', 'REVERSED')),
    constraint help_payments_amount_not_negative check (amount >= 0),
    constraint help_payments_not_own check (helper_id <> author_id)
);
-- the pair caps: credits from one author to one helper (either way round) in a week
create index help_payments_pair on help_payments (helper_id, author_id, decided_at);
-- the release job: held credits of authors who came of age
create index help_payments_state_author on help_payments (state, author_id);
create index help_payments_author on help_payments (author_id);

-- Members whose confirmations pay at once: trust flows in from outside a ring. A member
-- is vouched for when an established member confirms a help of theirs, and is
-- established once also old enough (established_at = the later of the two).
create table credit_trust (
    member_id bigint not null primary key references members (id),
    vouched_by bigint references members (id),
    vouched_at timestamp(6) with time zone not null,
    established_at timestamp(6) with time zone not null
);
create index credit_trust_established on credit_trust (established_at);

-- Members established already: admins, and those whose help was confirmed before these rules.
insert into credit_trust (member_id, vouched_by, vouched_at, established_at)
select m.id, null, m.created_at, m.created_at + interval '1' day
from members m
where m.site_role = 'ADMIN'
   or exists (select 1 from claims c where c.helper_id = m.id and c.status = 'CONFIRMED');

-- A reversal the balance cannot cover leaves a debt that later credits pay first.
alter table credit_accounts add column debt bigint not null default 0;
alter table credit_accounts add constraint credit_accounts_debt_not_negative check (debt >= 0);
alter table credit_accounts add constraint credit_accounts_debt_paid_first check (debt = 0 or balance = 0);

alter table ledger_entries add column debt_after bigint not null default 0;
alter table ledger_entries add constraint ledger_entries_debt_after_not_negative check (debt_after >= 0);
alter table ledger_entries drop constraint ledger_entries_kind_check;
alter table ledger_entries add constraint ledger_entries_kind_check check (
    kind in ('EARN', 'SPEND', 'REFUND', 'ADJUST', 'GRANT', 'RELEASE', 'REVERSAL', 'DEBT_PAYMENT'));
alter table ledger_entries drop constraint ledger_entries_amount_signed_by_kind;
alter table ledger_entries add constraint ledger_entries_amount_signed_by_kind check (
    (kind in ('EARN', 'REFUND', 'GRANT', 'RELEASE') and amount > 0)
    or (kind in ('SPEND', 'DEBT_PAYMENT') and amount < 0)
    or (kind = 'ADJUST' and amount <> 0)
    -- 0 when the balance was empty: the whole reversal became debt (debt_after says so)
    or (kind = 'REVERSAL' and amount <= 0));

-- a helper's recent answered claims (the auto-confirm gate), distinct counterparts
-- (standing) and pending claims (their cap)
create index claims_helper_decided on claims (helper_id, decided_at);
create index claims_helper_author on claims (helper_id, author_id, decided_at);
create index claims_helper_status on claims (helper_id, status);
