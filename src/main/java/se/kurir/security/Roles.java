package se.kurir.security;

/** The roles Kurir knows. */
public final class Roles {

    public static final String PARTICIPANT = "PARTICIPANT";
    public static final String OPERATOR = "OPERATOR";
    public static final String REVIEWER = "REVIEWER";
    public static final String AUDITOR = "AUDITOR";

    private Roles() {
    }
}
