package se.kurir.subscription;

import se.kurir.problem.ProblemCode;
/**
 * A subscription request that cannot be served. {@code code} is stable and becomes the problem answer's code; the
 * message names the field concerned.
 */
public final class SubscriptionException extends RuntimeException {

    public enum Kind { INVALID, REJECTED, NOT_FOUND, GONE }

    private final Kind kind;
    private final ProblemCode code;

    SubscriptionException(Kind kind, ProblemCode code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    static SubscriptionException invalid(ProblemCode code, String message) {
        return new SubscriptionException(Kind.INVALID, code, message);
    }

    static SubscriptionException rejected(ProblemCode code, String message) {
        return new SubscriptionException(Kind.REJECTED, code, message);
    }

    /** Also the answer for another participant's subscription: to anyone but its owner it does not exist. */
    static SubscriptionException notFound(String id) {
        return new SubscriptionException(Kind.NOT_FOUND, SubscriptionProblem.SUBSCRIPTION_NOT_FOUND,
                "id: subscription " + id
                + " not found");
    }

    public Kind kind() {
        return kind;
    }

    public ProblemCode code() {
        return code;
    }
}
