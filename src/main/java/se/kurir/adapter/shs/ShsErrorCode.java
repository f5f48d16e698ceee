package se.kurir.adapter.shs;

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
}
