-- The transcript, bot decisions and feedback of a conversation as batches: one row for the entries a save appended
-- (on the embedded database, for all the saves of a conversation between two checkpoints), each list a JSON array of
-- its entries in order, *_end the number of entries of that list the conversation has after the batch, and
-- entries_end their sum, which orders the batches. A row per batch instead of a row per entry is what lets the
-- embedded database keep up with thousands of exchanges a second.
-- The rows of conversation_message, bot_decision and answer_feedback are moved here by the Java migration V5.
create table conversation_entries (
    conversation_id  varchar(100) not null references conversation (id),
    entries_end      integer      not null,
    messages         varchar      not null,
    messages_end     integer      not null,
    decisions        varchar      not null,
    decisions_end    integer      not null,
    feedback         varchar      not null,
    feedback_end     integer      not null,
    primary key (conversation_id, entries_end)
);

-- The channel ids of the customer messages received, per desk and customer: the idempotency check of inbound
-- messages across all of a customer's conversations.
create table customer_message (
    desk             varchar(32)  not null,
    channel          varchar(16)  not null,
    address          varchar(320) not null,
    external_id      varchar(500) not null,
    conversation_id  varchar(100) not null,
    primary key (desk, channel, address, external_id)
);
