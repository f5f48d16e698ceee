-- Federation (docs/FEDERATION.md). The directory, seeded from the registry seed's nodes: which other Kurir node serves
-- which participant, where it listens and which TLS client certificate is its own.
CREATE TABLE peer_nodes (
    id               VARCHAR(64)  PRIMARY KEY,
    url              VARCHAR(500) NOT NULL,
    tls_fingerprint  CHAR(64)     NOT NULL
);

CREATE TABLE peer_node_participants (
    participant  VARCHAR(10)  PRIMARY KEY,
    node_id      VARCHAR(64)  NOT NULL REFERENCES peer_nodes (id) ON DELETE CASCADE
);

-- The priority class of a product's messages: CRISIS before NORMAL before BULK, on every queue.
ALTER TABLE products ADD COLUMN priority VARCHAR(8) DEFAULT 'NORMAL' NOT NULL;

-- How far the receipts of a peer's messages have been sent back to it (receipts.id).
CREATE TABLE peer_receipt_cursors (
    node_id          VARCHAR(64)  PRIMARY KEY,
    last_receipt_id  BIGINT       NOT NULL
);

-- Operator switches shared by every node on the database: crisis_mode's setting 'on' defers bulk traffic to peers.
CREATE TABLE federation_settings (
    name     VARCHAR(64)  PRIMARY KEY,
    setting  VARCHAR(200) NOT NULL,
    set_by   VARCHAR(100) NOT NULL,
    set_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
