-- Conversations, their transcripts and bot decisions, and the desks' ticket registers.
-- Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode (the embedded default).
-- Instants are TIMESTAMP WITH TIME ZONE (stored to the microsecond); enums are stored by name;
-- lists and maps that are only ever read whole are JSON text.

-- One row per conversation; VERSION guards concurrent changes (optimistic locking).
create table conversation (
    id                      varchar(100) primary key,
    desk                    varchar(32)  not null,
    channel                 varchar(16)  not null,
    address                 varchar(320) not null,
    -- desk, channel and address while the conversation is open, null once it is CLOSED:
    -- the unique index keeps one open conversation per customer and desk across nodes
    open_key                varchar(400),
    customer_name           varchar(300),
    state                   varchar(32)  not null,
    operator_id             varchar(100),
    operator_name           varchar(300),
    tier                    varchar(64),
    identification          varchar      not null,
    escalation_reason       varchar,
    escalation_asking       varchar(32),
    escalation_field        varchar(100),
    escalation_category     varchar(100),
    escalation_description  varchar,
    escalation_callback     boolean,
    ticket_number           varchar(64),
    ticket_first_reply_due  timestamp with time zone,
    warnings                integer      not null,
    opened_at               timestamp with time zone not null,
    updated_at              timestamp with time zone not null,
    waiting_since           timestamp with time zone,
    last_message_at         timestamp with time zone not null,
    version                 bigint       not null
);
create unique index conversation_open_customer on conversation (open_key);
create index conversation_desk_state on conversation (desk, state);

-- The transcript: append-only, in order. Desk, channel and address are repeated from the conversation
-- so that a customer's external message ids are unique per desk and customer (inbound idempotency).
create table conversation_message (
    id               varchar(100) primary key,
    conversation_id  varchar(100) not null references conversation (id),
    seq_no           integer      not null,
    desk             varchar(32)  not null,
    channel          varchar(16)  not null,
    address          varchar(320) not null,
    author_kind      varchar(16)  not null,
    author_id        varchar(100),
    author_name      varchar(300) not null,
    body             varchar      not null,
    actions          varchar      not null,
    link             varchar(2000),
    attachments      varchar      not null,
    external_id      varchar(500),
    action_id        varchar(300),
    in_reply_to      varchar(100),
    sent_at          timestamp with time zone not null
);
create unique index conversation_message_order on conversation_message (conversation_id, seq_no);
create unique index conversation_message_external_id on conversation_message (desk, channel, address, external_id);

-- Why the bot did what it did, one row per decision, append-only.
create table bot_decision (
    conversation_id  varchar(100) not null references conversation (id),
    seq_no           integer      not null,
    message_id       varchar(100),
    decision_rule    varchar(64)  not null,
    reason           varchar      not null,
    confidence       double precision,
    article          varchar(300),
    candidates       varchar      not null,
    decided_at       timestamp with time zone not null,
    primary key (conversation_id, seq_no)
);

-- The customers' verdicts on help-center answers, append-only.
create table answer_feedback (
    conversation_id  varchar(100) not null references conversation (id),
    seq_no           integer      not null,
    answer_id        varchar(100) not null,
    article          varchar(300),
    helped           boolean      not null,
    given_at         timestamp with time zone not null,
    primary key (conversation_id, seq_no)
);

-- Registered requests. CONVERSATION_ID refers to the transcript; it is no foreign key because a
-- ticket is registered before the escalating conversation is saved.
create table ticket (
    ticket_number       varchar(64)  primary key,
    desk                varchar(32)  not null,
    ticket_year         integer      not null,
    seq                 bigint       not null,
    conversation_id     varchar(100) not null,
    -- the channel the request came by, and where the customer is reached (usually the same channel)
    channel             varchar(16)  not null,
    customer_channel    varchar(16)  not null,
    address             varchar(320) not null,
    customer_name       varchar(300),
    state               varchar(32)  not null,
    tier                varchar(64),
    priority            varchar(64),
    category            varchar(100),
    identification      varchar      not null,
    description         varchar      not null,
    callback            boolean      not null,
    operator_id         varchar(100),
    first_reply_target  varchar(40),
    first_reply_due     timestamp with time zone,
    resolution_target   varchar(40),
    resolution_due      timestamp with time zone,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null
);
create unique index ticket_desk_year_seq on ticket (desk, ticket_year, seq);
create index ticket_desk_state on ticket (desk, state);
create index ticket_conversation on ticket (conversation_id);

-- The last number issued per desk and year; incremented under the row's lock.
create table ticket_sequence (
    desk         varchar(32) not null,
    ticket_year  integer     not null,
    last_issued  bigint      not null,
    primary key (desk, ticket_year)
);
