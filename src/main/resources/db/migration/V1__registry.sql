-- Registry and catalogue, seeded from config/registry at start-up. Portable SQL: H2 and PostgreSQL.
CREATE TABLE participants (
    org_number  VARCHAR(10)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    sdk_domain  VARCHAR(200)
);

CREATE TABLE mailboxes (
    address                 VARCHAR(80)  PRIMARY KEY,
    participant             VARCHAR(10)  NOT NULL,
    description             VARCHAR(500),
    sdk_functional_address  VARCHAR(200)
);

CREATE TABLE products (
    id                 VARCHAR(64)  PRIMARY KEY,
    name               VARCHAR(200) NOT NULL,
    description        VARCHAR(2000),
    classification     VARCHAR(16)  NOT NULL,
    personal_data      BOOLEAN      NOT NULL,
    max_payload_bytes  BIGINT       NOT NULL
);

-- Consumers and allowed legal bases are one JSON document (terms): they are read whole, never queried by part.
CREATE TABLE agreements (
    id                      VARCHAR(64)  PRIMARY KEY,
    product                 VARCHAR(64)  NOT NULL,
    producer                VARCHAR(10)  NOT NULL,
    classification_ceiling  VARCHAR(16)  NOT NULL,
    valid_from              DATE         NOT NULL,
    valid_to                DATE,
    review_required         BOOLEAN      NOT NULL,
    terms                   VARCHAR(65535) NOT NULL
);
