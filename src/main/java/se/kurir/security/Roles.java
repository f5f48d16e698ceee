package se.kurir.security;

/** The roles Kurir knows. */
public final class Roles {

    public static final String PARTICIPANT = "PARTICIPANT";
    public static final String OPERATOR = "OPERATOR";
    public static final String REVIEWER = "REVIEWER";
    public static final String AUDITOR = "AUDITOR";
    /** May re-identify a format-preserving pseudonym (audited); a role of its own, not part of operating. */
    public static final String REIDENTIFIER = "REIDENTIFIER";
    /** Another Kurir node of the federation, on the federation listener only. */
    public static final String PEER_NODE = "PEER_NODE";


    private Roles() {
    }
}
