package se.kurir.adapter.shs;

import se.kurir.policy.RejectionCode;

/** The policy refused an SHS message: it is recorded as REJECTED and audited; the SHS client gets its SHS code. */
final class ShsRejectedException extends RuntimeException {

    private final RejectionCode code;
    private final String messageId;

    ShsRejectedException(RejectionCode code, String messageId) {
        super(code.field() + ": the message was rejected by policy (" + code + "); it will not be delivered");
        this.code = code;
        this.messageId = messageId;
    }

    RejectionCode code() {
        return code;
    }

    String messageId() {
        return messageId;
    }

    /** The SHS error an SHS client expects for this refusal. */
    ShsErrorCode shsCode() {
        return switch (code) {
            case UNKNOWN_RECIPIENT -> ShsErrorCode.UNKNOWN_RECEIVER;
            case UNKNOWN_PRODUCT -> ShsErrorCode.UNKNOWN_PRODUCT_TYPE;
            case NO_AGREEMENT, AGREEMENT_NOT_VALID, CLASSIFICATION_ABOVE_CEILING, LEGAL_BASIS_NOT_ALLOWED,
                    DISCLOSURE_MODE_NOT_ALLOWED, PURPOSE_NOT_ALLOWED -> ShsErrorCode.MISSING_AGREEMENT;
            case PAYLOAD_TOO_LARGE, PAYLOAD_DIGEST_MISMATCH, PAYLOAD_NOT_SEALED, SEAL_MALFORMED, SIGNATURE_INVALID,
                    PRIVACY_INPUT_INVALID, PRIVACY_STEP_NOT_APPLICABLE -> ShsErrorCode.ILLEGAL_DATAPART_CONTENT;
            default -> ShsErrorCode.OTHER_ERROR;
        };
    }
}
