package se.kurir.delivery;

import java.time.Instant;
import se.kurir.envelope.Envelope;
import se.kurir.payload.StoredPayload;

/** A message as the gateway keeps it. */
public record MessageRecord(String messageId, String sender, Envelope envelope, MessageState state,
        String reasonCode, String agreementId, StoredPayload payload, String mediaType, Instant receivedAt,
        Instant updatedAt) {

    public String recipient() {
        return envelope.recipient();
    }

    public String product() {
        return envelope.product();
    }
}
