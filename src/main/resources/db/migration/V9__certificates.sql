-- Participants' certificates (issue 6): what the gateway verifies signatures with and encrypts to. Public material
-- only; private keys live in the node's keystore file. A certificate is never deleted, only revoked, so a message
-- sealed years ago can still be traced to the certificate it was sealed with.
CREATE TABLE certificates (
    key_id             CHAR(64)       PRIMARY KEY,   -- SHA-256 of the DER encoding (the certificate's fingerprint)
    participant        VARCHAR(10)    NOT NULL,
    usage              VARCHAR(16)    NOT NULL,      -- SIGNING, ENCRYPTION
    key_kind           VARCHAR(32)    NOT NULL,      -- RSA, EC_P256, MLKEM768_ECDH_P256
    subject            VARCHAR(1000)  NOT NULL,
    serial_number      VARCHAR(100)   NOT NULL,
    not_before         TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after          TIMESTAMP WITH TIME ZONE NOT NULL,
    registered_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    registered_by      VARCHAR(100)   NOT NULL,
    revoked_at         TIMESTAMP WITH TIME ZONE,
    revocation_reason  VARCHAR(500),
    pem                VARCHAR(20000) NOT NULL
);
CREATE INDEX certificates_by_participant ON certificates (participant, usage);
