package se.kurir.policy;

/**
 * Why a message was refused. The names are a public contract: they appear in problem answers, receipts and the
 * audit log, and map onto SHS error codes and SDK REJECTED reasons (BV: rule) in the adapters.
 */
public enum RejectionCode {
    UNKNOWN_RECIPIENT,
    UNKNOWN_PRODUCT,
    NO_AGREEMENT,
    AGREEMENT_NOT_VALID,
    CLASSIFICATION_ABOVE_CEILING,
    LEGAL_BASIS_NOT_ALLOWED,
    DISCLOSURE_MODE_NOT_ALLOWED,
    PURPOSE_NOT_ALLOWED,
    PAYLOAD_TOO_LARGE,
    /** Bulk files: the bytes received do not have the SHA-256 the sender declared (a truncated or altered file). */
    PAYLOAD_DIGEST_MISMATCH,
    REVIEW_DENIED,
    /** Request/reply: the recipient mailbox answers no queries. */
    NO_QUERY_ENDPOINT,
    /** Request/reply: the agreement wants a person's review, which a real-time request cannot wait for. */
    REVIEW_REQUIRED,
    /** Request/reply: the reply's own legal basis is not one the agreement allows for disclosure on request. */
    REPLY_LEGAL_BASIS_NOT_ALLOWED,
    /** Subscriptions: only the producer an agreement names may publish to a product's feed. */
    NOT_PRODUCER
}
