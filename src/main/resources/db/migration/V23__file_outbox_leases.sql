-- A file outbox is polled by one node at a time, under a lease it renews on each poll; when the node dies, another
-- takes the outbox over once the lease runs out.
CREATE TABLE file_outbox_leases (
    outbox       VARCHAR(64)   PRIMARY KEY,
    lease_node   VARCHAR(200)  NOT NULL,
    lease_until  TIMESTAMP WITH TIME ZONE NOT NULL
);
