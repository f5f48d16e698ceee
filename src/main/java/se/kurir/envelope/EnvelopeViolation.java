package se.kurir.envelope;

/**
 * One reason an envelope was refused.
 *
 * @param code stable code: ENVELOPE_FIELD_REQUIRED, ENVELOPE_FIELD_UNKNOWN, ENVELOPE_FIELD_INVALID or
 *     ENVELOPE_MALFORMED
 * @param field dotted path of the offending field ({@code legalBasis.purpose}), or {@code envelope} for the whole
 */
public record EnvelopeViolation(EnvelopeProblem code, String field, String message) {

    public static final EnvelopeProblem FIELD_REQUIRED = EnvelopeProblem.ENVELOPE_FIELD_REQUIRED;
    public static final EnvelopeProblem FIELD_UNKNOWN = EnvelopeProblem.ENVELOPE_FIELD_UNKNOWN;
    public static final EnvelopeProblem FIELD_INVALID = EnvelopeProblem.ENVELOPE_FIELD_INVALID;
    public static final EnvelopeProblem MALFORMED = EnvelopeProblem.ENVELOPE_MALFORMED;
}
