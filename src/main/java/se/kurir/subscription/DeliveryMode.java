package se.kurir.subscription;

/** How a subscription's events reach the subscriber. */
public enum DeliveryMode {
    /** The subscriber reads its feed ({@code GET /api/v1/subscriptions/{id}/feed}) and commits its cursor. */
    PULL,
    /** The gateway posts the events, in order, to the push endpoint of one of the subscriber's mailboxes. */
    PUSH,
    /** The gateway sends each event to the subscription's durable queue on the broker. */
    JMS,
    /**
     * The gateway writes the events as batch files, one per window, to the SFTP/FTPS inbox of one of the
     * subscriber's mailboxes: each under a temporary name, renamed when complete, then its manifest.
     */
    SFTP_BATCH;

    /** Whether the events go to one of the subscriber's mailboxes: its push endpoint or its file inbox. */
    public boolean viaMailbox() {
        return this == PUSH || this == SFTP_BATCH;
    }
}
