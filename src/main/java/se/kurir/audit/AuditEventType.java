package se.kurir.audit;

/** What happened. Names are a public contract (audit search, exports). */
public enum AuditEventType {
    MESSAGE_ACCEPTED,
    MESSAGE_REJECTED,
    MESSAGE_HELD_FOR_REVIEW,
    REVIEW_APPROVED,
    REVIEW_DENIED,
    MESSAGE_DELIVERED,
    MESSAGE_FETCHED,
    MESSAGE_ACKNOWLEDGED,
    MESSAGE_REQUEUED,
    MESSAGE_FAILED,
    MESSAGE_REPLAYED,
    MAILBOX_ACCESS_DENIED
}
