package se.kurir.adapter.jms;

import se.kurir.problem.ProblemCode;

/** Why a submission or event sent over the broker was refused (in the notice on kurir.in.<orgnr>.refused). */
public enum BrokerProblem implements ProblemCode {
    PAYLOAD_NOT_BYTES("A broker submission's payload is not a bytes message."),
    PRODUCT_MISSING("An event sent to kurir.publish.<orgnr> lacks its kurirProduct property."),
    BODY_INVALID("An event's body is neither JSON text nor bytes."),
    SUBMISSION_FAILED("The submission could not be taken for a reason not its own; send it again.");

    private final String meaning;

    BrokerProblem(String meaning) {
        this.meaning = meaning;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
