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
    NOT_PRODUCER,
    /** Sealing: the agreement wants the sender to seal the payload (end to end), and it came in clear. */
    PAYLOAD_NOT_SEALED,
    /** Sealing: a payload posted as sealed that is not a CMS SignedData of AuthEnvelopedData. */
    SEAL_MALFORMED,
    /** Sealing: the signature does not verify, or its signer is not a registered signing certificate of the sender. */
    SIGNATURE_INVALID,
    /** Sealing: the sender's certificate that made the signature has expired (or is not yet valid). */
    CERTIFICATE_EXPIRED,
    /** Sealing: the sender's certificate that made the signature has been revoked. */
    CERTIFICATE_REVOKED,
    /** Sealing: not encrypted for a valid registered certificate of the recipient with the agreement's profile. */
    SEALING_PROFILE_MISMATCH,
    /** Gateway sealing: the recipient has no valid encryption certificate of the kind the profile needs. */
    NO_ENCRYPTION_CERTIFICATE,
    /** Gateway sealing: this node holds no valid signing key of the sender. */
    SIGNING_KEY_UNAVAILABLE,
    /** The payload does not fit the agreement's privacy step (not JSON, a field of the wrong kind). */
    PRIVACY_INPUT_INVALID,
    /** The agreement requires a privacy step that cannot run on a payload the sender sealed end to end. */
    PRIVACY_STEP_NOT_APPLICABLE;

    /** The part of the message a refusal is about, for the {@code detail} of a problem answer. */
    public String field() {
        return switch (this) {
            case UNKNOWN_RECIPIENT, NO_QUERY_ENDPOINT -> "recipient";
            case UNKNOWN_PRODUCT -> "product";
            case PAYLOAD_TOO_LARGE, PAYLOAD_DIGEST_MISMATCH, PAYLOAD_NOT_SEALED, SEAL_MALFORMED, SIGNATURE_INVALID,
                    CERTIFICATE_EXPIRED, CERTIFICATE_REVOKED, SEALING_PROFILE_MISMATCH, NO_ENCRYPTION_CERTIFICATE,
                    SIGNING_KEY_UNAVAILABLE, PRIVACY_INPUT_INVALID, PRIVACY_STEP_NOT_APPLICABLE -> "payload";
            default -> "legalBasis";
        };
    }
}
