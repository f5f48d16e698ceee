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
        return ShsErrorCode.forRejection(code);
    }
}
