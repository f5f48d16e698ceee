package se.kurir.audit;

import se.kurir.logging.LogCode;
import se.kurir.logging.LogCodeRange;

/** Log codes of the audit log. */
@LogCodeRange(from = 3000, to = 3999, concern = "the audit log")
public enum AuditLogCode implements LogCode {

    @Code(value = 3001, meaning = "A group-committed batch of audit records failed; its requests were refused (503). "
            + "Check the database.")
    BATCH_NOT_COMMITTED,

    @Code(value = 3002, meaning = "A route could not record its step in the audit log, so the step was not carried "
            + "out and the caller was refused.")
    UNAVAILABLE_IN_ROUTE,

    @Code(value = 3003, meaning = "The node has no checkpoint key (kurir.audit.checkpoints.key-alias): the audit "
            + "chain is hashed but not signed.")
    CHECKPOINTS_UNSIGNED;

    @Override
    public String toString() {
        return code();
    }
}
