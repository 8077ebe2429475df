-- When an operator or the bot started waiting for the customer's answer: the desk's silence rule
-- (edoc: 8 business hours) closes the request when it has passed without a reply.
alter table conversation add column awaiting_customer_since timestamp with time zone;
create index conversation_awaiting_customer on conversation (desk, awaiting_customer_since);
