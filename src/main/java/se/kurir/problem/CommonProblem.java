package se.kurir.problem;

/** Codes that every concern may answer with. */
public enum CommonProblem implements ProblemCode {
    NOT_FOUND("What the request names does not exist, or the caller may not know that it does."),
    FIELD_REQUIRED("A field the request needs is missing; the detail names it."),
    FIELD_INVALID("A field has a value outside what it allows; the detail names it and the rule.");

    private final String meaning;

    CommonProblem(String meaning) {
        this.meaning = meaning;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
