-- The customers' ratings of the service, one per closed conversation (a new rating replaces it), for the
-- supervisors' report. Written when the rating is given; the conversation keeps its own copy as feedback.
create table service_rating (
    conversation_id  varchar(100) not null primary key,
    desk             varchar(32)  not null,
    satisfied        boolean      not null,
    ticket_number    varchar(64),
    operator_id      varchar(100),
    operator_name    varchar(300),
    rated_at         timestamp with time zone not null
);
create index service_rating_desk_rated_at on service_rating (desk, rated_at);
