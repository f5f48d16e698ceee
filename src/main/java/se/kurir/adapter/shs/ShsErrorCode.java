package se.kurir.adapter.shs;

import java.util.Arrays;
import java.util.Optional;
import se.kurir.policy.RejectionCode;

/**
 * The error codes of SHS 1.2, as an SHS client reads them from the {@code X-shs-errorcode} header: each constant's
 * {@link #wireName()} is SHS's own spelling.
 */
enum ShsErrorCode {
    UNKNOWN_RECEIVER("UnknownReceiver"),
    ILLEGAL_RECEIVER("IllegalReceiver"),
    UNKNOWN_SENDER("UnknownSender"),
    ILLEGAL_SENDER("IllegalSender"),
    UNKNOWN_PRODUCT_TYPE("UnknownProductType"),
    ILLEGAL_PRODUCT_TYPE("IllegalProductType"),
    MISSING_AGREEMENT("MissingAgreement"),
    MISSING_DELIVERY_ADDRESS("MissingDeliveryAddress"),
    MISSING_DELIVERY_EXECUTION("MissingDeliveryExecution"),
    ILLEGAL_MESSAGE_STRUCTURE("IllegalMessageStructure"),
    ILLEGAL_DATAPART_CONTENT("IllegalDatapartContent"),
    OTHER_ERROR("OtherError");

    private final String wireName;

    ShsErrorCode(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    /** The code an SHS client wrote, by SHS's own spelling. */
    static Optional<ShsErrorCode> ofWireName(String wireName) {
        return Arrays.stream(values()).filter(code -> code.wireName.equals(wireName)).findFirst();
    }

    /** The SHS error an SHS client expects for a policy's refusal. */
    static ShsErrorCode forRejection(RejectionCode code) {
        return switch (code) {
            case UNKNOWN_RECIPIENT -> UNKNOWN_RECEIVER;
            case UNKNOWN_PRODUCT -> UNKNOWN_PRODUCT_TYPE;
            case NO_QUERY_ENDPOINT -> MISSING_DELIVERY_EXECUTION;
            case NO_AGREEMENT, AGREEMENT_NOT_VALID, CLASSIFICATION_ABOVE_CEILING, LEGAL_BASIS_NOT_ALLOWED,
                    DISCLOSURE_MODE_NOT_ALLOWED, PURPOSE_NOT_ALLOWED -> MISSING_AGREEMENT;
            case PAYLOAD_TOO_LARGE, PAYLOAD_DIGEST_MISMATCH, PAYLOAD_NOT_SEALED, SEAL_MALFORMED, SIGNATURE_INVALID,
                    PRIVACY_INPUT_INVALID, PRIVACY_STEP_NOT_APPLICABLE -> ILLEGAL_DATAPART_CONTENT;
            default -> OTHER_ERROR;
        };
    }
}
