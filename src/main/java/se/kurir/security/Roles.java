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
    /** A person who reads and sends in the web for the functional mailboxes given to them. */
    public static final String CASE_OFFICER = "CASE_OFFICER";
    /** The prefix of the authority that gives a person one functional mailbox. */
    public static final String MAILBOX_PREFIX = "MAILBOX_";

    /** The authority that gives a person this functional mailbox. */
    public static String mailboxAuthority(String mailbox) {
        return MAILBOX_PREFIX + mailbox;
    }

    private Roles() {
    }
}
