package se.kurir.delivery;

/**
 * The gateway's statements to the sender (kvittenser). EXPIRED and FAILED come with push delivery and retention;
 * RECIPIENT_ERROR says the recipient reported an error about the message (its reason code is the error's code, never
 * the recipient's words), QUARANTINED that the message was taken out of the recipient's mailbox for it.
 */
public enum ReceiptType {
    ACCEPTED, REJECTED, DELIVERED, FETCHED, ACKNOWLEDGED, EXPIRED, FAILED, RECIPIENT_ERROR, QUARANTINED
}
