package se.kurir.delivery;

import se.kurir.problem.ProblemCode;
/**
 * A request that got no usable reply. {@code code} is stable and becomes the problem answer's code; {@code kind} says
 * whose side failed, so adapters can map it without knowing each code.
 */
public final class RequestRefusedException extends RuntimeException {

    public enum Kind {
        /** the policy refused the request; it was never sent */
        REJECTED,
        /** the answerer did not answer in time */
        TIMEOUT,
        /** the answerer failed, or its reply was unusable or not allowed */
        BAD_REPLY
    }

    private final Kind kind;
    private final ProblemCode code;
    private final String requestId;

    public RequestRefusedException(Kind kind, ProblemCode code, String requestId, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.requestId = requestId;
    }

    public Kind kind() {
        return kind;
    }

    public ProblemCode code() {
        return code;
    }

    public String requestId() {
        return requestId;
    }
}
