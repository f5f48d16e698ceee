package se.kurir.envelope;

import java.util.List;

/** The envelope does not satisfy the schema; carries every violation found. */
public final class InvalidEnvelopeException extends RuntimeException {

    private final transient List<EnvelopeViolation> violations;

    public InvalidEnvelopeException(List<EnvelopeViolation> violations) {
        super(violations.get(0).field() + ": " + violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public static InvalidEnvelopeException malformed(String message) {
        return new InvalidEnvelopeException(
                List.of(new EnvelopeViolation(EnvelopeViolation.MALFORMED, "envelope", message)));
    }

    public List<EnvelopeViolation> violations() {
        return violations;
    }

    /** The code of the first violation; stable, for problem answers. */
    public EnvelopeProblem code() {
        return violations.get(0).code();
    }
}
