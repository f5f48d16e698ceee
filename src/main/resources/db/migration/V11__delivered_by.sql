-- The broker message whose hand-over recorded the delivery. The state change commits before the broker transaction
-- that carried it (and, for a broker outbox, the copy sent to the outbox): if that transaction never commits, the
-- same broker message comes again, and this tells the delivery that the outbox copy must be sent again.
ALTER TABLE messages ADD COLUMN delivered_by VARCHAR(100);
