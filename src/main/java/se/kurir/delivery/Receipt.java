package se.kurir.delivery;

import java.time.Instant;

/** One receipt: what happened to the message, why (for REJECTED), and when. */
public record Receipt(String messageId, ReceiptType type, String reasonCode, Instant at) {
}
