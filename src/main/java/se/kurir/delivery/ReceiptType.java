package se.kurir.delivery;

/** The gateway's statements to the sender (kvittenser). EXPIRED and FAILED come with push delivery and retention. */
public enum ReceiptType {
    ACCEPTED, REJECTED, DELIVERED, FETCHED, ACKNOWLEDGED, EXPIRED, FAILED
}
