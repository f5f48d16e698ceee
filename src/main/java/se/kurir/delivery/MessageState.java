package se.kurir.delivery;

import java.util.Set;

/** Where a message is in its life. */
public enum MessageState {
    /** Waiting for a reviewer's decision; not queued. */
    HELD_FOR_REVIEW,
    /** Allowed and durably queued for its mailbox. */
    ACCEPTED,
    /** Refused by policy, size or review; never delivered, kept for the audit trail. */
    REJECTED,
    /** In the recipient's mailbox. */
    DELIVERED,
    /** The recipient has read the whole payload. */
    FETCHED,
    /** The recipient has confirmed it processed the message. */
    ACKNOWLEDGED,
    /** Delivery failed after every attempt; a dead letter until an operator replays it. */
    FAILED,
    /**
     * The recipient reported an error about the exchange this message belongs to before it fetched it: out of its
     * mailbox and never delivered, kept for the audit trail.
     */
    QUARANTINED;

    /** States a mailbox owner can see. */
    public static final Set<MessageState> IN_MAILBOX = Set.of(DELIVERED, FETCHED, ACKNOWLEDGED);
}
