package se.kurir.audit;

import se.kurir.logging.LogCode;
import se.kurir.logging.LogCodeRange;

/** Log codes of the audit log. */
@LogCodeRange(from = 3000, to = 3999, concern = "the audit log")
public enum AuditLogCode implements LogCode {

    BATCH_NOT_COMMITTED(3001, "A group-committed batch of audit records failed; its requests were refused (503). Check the database."),
    UNAVAILABLE_IN_ROUTE(3002, "A route could not record its step in the audit log, so the step was not carried out and the caller was refused."),
    CHECKPOINTS_UNSIGNED(3003, "The node has no checkpoint key (kurir.audit.checkpoints.key-alias): the audit chain is hashed but not signed.");

    private final int number;
    private final String meaning;

    AuditLogCode(int number, String meaning) {
        this.number = number;
        this.meaning = meaning;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public String meaning() {
        return meaning;
    }

    @Override
    public String toString() {
        return code();
    }
}
