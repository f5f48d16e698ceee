package se.kurir.crypto;

import se.kurir.policy.RejectionCode;

/** A payload that the agreement's protection does not allow through; the message is rejected with this code. */
public class SealingRefusedException extends RuntimeException {

    private final RejectionCode code;

    public SealingRefusedException(RejectionCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public RejectionCode code() {
        return code;
    }
}
