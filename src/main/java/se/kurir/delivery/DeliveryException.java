package se.kurir.delivery;

import se.kurir.problem.CommonProblem;
import se.kurir.problem.ProblemCode;
/**
 * A request about a message or mailbox that cannot be served. {@code code} is stable and becomes the problem answer's
 * code; {@code status} is the HTTP-like class of the failure, so adapters need not know each case.
 */
public final class DeliveryException extends RuntimeException {

    public enum Kind { NOT_FOUND, FORBIDDEN, CONFLICT }

    private final Kind kind;
    private final ProblemCode code;

    DeliveryException(Kind kind, ProblemCode code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public static DeliveryException notFound(String what) {
        return new DeliveryException(Kind.NOT_FOUND, CommonProblem.NOT_FOUND, what + " not found");
    }

    public Kind kind() {
        return kind;
    }

    public ProblemCode code() {
        return code;
    }
}
