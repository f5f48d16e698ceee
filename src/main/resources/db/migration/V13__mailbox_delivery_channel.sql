-- A mailbox has one way out, its delivery channel: the seed's delivery settings as JSON, {"kind": "push", "url": ...}.
-- It replaces the push_url and broker_outbox flags (and the file inboxes that configuration named).
ALTER TABLE mailboxes ADD COLUMN delivery VARCHAR(2000) DEFAULT '{"kind":"pull"}' NOT NULL;
UPDATE mailboxes SET delivery = '{"kind":"broker-outbox"}' WHERE broker_outbox;
UPDATE mailboxes SET delivery = '{"kind":"push","url":"' || REPLACE(push_url, '"', '\"') || '"}'
    WHERE push_url IS NOT NULL;
ALTER TABLE mailboxes DROP COLUMN push_url;
ALTER TABLE mailboxes DROP COLUMN broker_outbox;
