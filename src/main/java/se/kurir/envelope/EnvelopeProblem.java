package se.kurir.envelope;

import se.kurir.problem.ProblemCode;

/** Why an envelope was refused before any policy looked at it: the detail and {@code violations} name the field. */
public enum EnvelopeProblem implements ProblemCode {
    ENVELOPE_MALFORMED(
            "The envelope is not well-formed JSON or XML (or it declares a DTD or entities, which are refused)."),
    ENVELOPE_FIELD_REQUIRED("A field the envelope schema requires is missing."),
    ENVELOPE_FIELD_UNKNOWN("The envelope has a field the schema does not define."),
    ENVELOPE_FIELD_INVALID("An envelope field has a value the schema does not allow (pattern, length, enumeration)."),
    ENVELOPE_MISSING("The submission carries no envelope (the multipart part, the manifest or the broker property)."),
    ENVELOPE_TOO_LARGE("The envelope is larger than the gateway reads.");

    private final String meaning;

    EnvelopeProblem(String meaning) {
        this.meaning = meaning;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
