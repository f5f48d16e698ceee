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
    REVIEW_DENIED
}
