package se.kurir.privacy;

import se.kurir.problem.ProblemCode;
/** A re-identification request that cannot be answered; {@code code} is stable, the message names the field. */
public class ReversalRefusedException extends RuntimeException {

    private final ProblemCode code;

    public ReversalRefusedException(ProblemCode code, String message) {
        super(message);
        this.code = code;
    }

    public ProblemCode code() {
        return code;
    }
}
