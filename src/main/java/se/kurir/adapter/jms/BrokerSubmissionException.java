package se.kurir.adapter.jms;

import se.kurir.problem.ProblemCode;
/** A broker submission that cannot become a message; {@code code} is stable, the message names the property. */
final class BrokerSubmissionException extends RuntimeException {

    private final ProblemCode code;

    BrokerSubmissionException(ProblemCode code, String message) {
        super(message);
        this.code = code;
    }

    ProblemCode code() {
        return code;
    }
}
