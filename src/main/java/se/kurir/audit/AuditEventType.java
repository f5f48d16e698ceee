package se.kurir.audit;

/** What happened. Names are a public contract (audit search, exports). */
public enum AuditEventType {
    MESSAGE_ACCEPTED,
    MESSAGE_REJECTED,
    MESSAGE_HELD_FOR_REVIEW,
    REVIEW_APPROVED,
    REVIEW_DENIED,
    /** A reviewer opened a held message's payload to judge it: who and which message; never the content. */
    REVIEW_CONTENT_OPENED,
    MESSAGE_DELIVERED,
    MESSAGE_FETCHED,
    MESSAGE_ACKNOWLEDGED,
    MESSAGE_REQUEUED,
    MESSAGE_FAILED,
    MESSAGE_REPLAYED,
    /**
     * The recipient reported an error about a message (an SHS error message): its code, and whether the message,
     * not yet fetched, was quarantined; never the recipient's words.
     */
    RECIPIENT_ERROR_REPORTED,
    MAILBOX_ACCESS_DENIED,
    /**
     * An input refused before it became a message or a request the gateway acts on (malformed, over a limit, a
     * repeated part): who, which channel, the code and the field named; never the input.
     */
    REQUEST_REFUSED,
    REQUEST_SENT,
    REQUEST_REJECTED,
    REPLY_RECEIVED,
    REQUEST_FAILED,
    /** Bulk files: a file in an SFTP/FTPS outbox was refused before it became a message (its manifest, say). */
    FILE_REFUSED,
    /** Subscriptions (abonnemang): an event joined its product's feed, or was refused. */
    EVENT_PUBLISHED,
    EVENT_REJECTED,
    SUBSCRIPTION_CREATED,
    SUBSCRIPTION_REFUSED,
    SUBSCRIPTION_DELETED,
    /** A run of a feed's events reached a subscriber (pushed, sent to its queue or read by it); details name the range. */
    SUBSCRIPTION_DELIVERED,
    SUBSCRIPTION_DELIVERY_FAILED,
    /** A subscriber committed its cursor, or moved it back to replay. */
    SUBSCRIPTION_CURSOR_MOVED,
    /** The gateway signed and encrypted a payload on the sender's behalf (which keys, which profile). */
    PAYLOAD_SEALED,
    /** The gateway checked a sealed payload's signature and recipients (result VALID or the refusal code). */
    SIGNATURE_CHECKED,
    CERTIFICATE_REGISTERED,
    CERTIFICATE_REVOKED,
    /**
     * A privacy step transformed a payload or a page of feed events (step, plan identity, key and key version, how
     * many fields per action), or refused one that does not fit its plan (reason code).
     */
    PRIVACY_APPLIED,
    /** An operator re-identified a pseudonym (FF1 deciphered): who, which key version, for which case. */
    PSEUDONYM_REVERSED,
    /** An operator switched crisis mode on or off (bulk transfers to peer nodes held back while it is on). */
    CRISIS_MODE_SWITCHED
}
