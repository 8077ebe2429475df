-- A customer's conversations at a desk: the last closed one (to reopen it) and whether an open conversation is
-- the customer's only one (then a redelivered message can only be in its transcript) are looked up by these.
create index conversation_customer on conversation (desk, channel, address);
