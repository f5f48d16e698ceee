package se.kurir.policy;

import se.kurir.problem.ProblemCode;

/**
 * Why a message was refused. The names are a public contract: they appear in problem answers, receipts and the
 * audit log, and map onto SHS error codes and SDK REJECTED reasons (BV: rule) in the adapters.
 */
public enum RejectionCode implements ProblemCode {
    UNKNOWN_RECIPIENT("The recipient mailbox is not in the registry."),
    UNKNOWN_PRODUCT("The product is not in the catalogue."),
    NO_AGREEMENT("No agreement lets this sender send this product to this mailbox."),
    AGREEMENT_NOT_VALID("The agreement exists but is not valid today (not yet, or no longer)."),
    CLASSIFICATION_ABOVE_CEILING("The message is classified above what the agreement allows."),
    LEGAL_BASIS_NOT_ALLOWED("The legal basis (statute and provision) is not one the agreement allows."),
    DISCLOSURE_MODE_NOT_ALLOWED(
            "The agreement does not allow this disclosure mode (own initiative, on request, duty to notify)."),
    PURPOSE_NOT_ALLOWED("The purpose is not one the agreement allows."),
    PAYLOAD_TOO_LARGE("The payload is larger than the product allows (or than the transport carries)."),
    PAYLOAD_DIGEST_MISMATCH(
            "The bytes received do not have the SHA-256 the sender declared (a truncated or altered file)."),
    REVIEW_DENIED("A reviewer denied the disclosure (sekretessprövning)."),
    NO_QUERY_ENDPOINT("Request/reply: the recipient mailbox answers no queries."),
    REVIEW_REQUIRED("Request/reply: the agreement wants a review, which a real-time request cannot wait for."),
    REPLY_LEGAL_BASIS_NOT_ALLOWED(
            "Request/reply: the reply's own legal basis is not one the agreement allows on request."),
    NOT_PRODUCER("Feeds: only the producer an agreement names may publish to the product's feed."),
    PAYLOAD_NOT_SEALED("The agreement wants the sender to seal the payload end to end, and it came in clear."),
    SEAL_MALFORMED("A payload posted as sealed is not a CMS SignedData of AuthEnvelopedData."),
    SIGNATURE_INVALID(
            "The signature does not verify, or its signer is not a registered signing certificate of the sender."),
    CERTIFICATE_EXPIRED(
            "The certificate has expired (or is not yet valid): the one registered, or the one that signed."),
    CERTIFICATE_REVOKED("The certificate has been revoked: the one named, or the one that made the signature."),
    SEALING_PROFILE_MISMATCH(
            "Not encrypted for a valid registered certificate of the recipient with the agreement's profile."),
    NO_ENCRYPTION_CERTIFICATE(
            "Gateway sealing: the recipient has no valid encryption certificate of the kind the profile needs."),
    SIGNING_KEY_UNAVAILABLE("Gateway sealing: this node holds no valid signing key of the sender."),
    PRIVACY_INPUT_INVALID(
            "The payload does not fit the agreement's privacy step (not JSON, a field of the wrong kind)."),
    PRIVACY_STEP_NOT_APPLICABLE(
            "The agreement requires a privacy step that cannot run on a payload sealed end to end.");

    private final String meaning;

    RejectionCode(String meaning) {
        this.meaning = meaning;
    }

    @Override
    public String meaning() {
        return meaning;
    }

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
