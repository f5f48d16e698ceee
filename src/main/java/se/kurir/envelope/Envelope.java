package se.kurir.envelope;

import java.util.Map;
import java.util.UUID;

/**
 * Routing and legal metadata of one message, as the sender stated it. The sender itself is never part of the
 * envelope: it is the authenticated participant.
 */
public record Envelope(
        String messageId,
        String conversationId,
        String inReplyTo,
        String correlationId,
        String recipient,
        String product,
        MessageStatus status,
        String subject,
        Map<String, String> metadata,
        LegalBasis legalBasis) {

    public Envelope {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        status = status == null ? MessageStatus.PRODUCTION : status;
    }

    /** The participant (organisation number) that owns the recipient mailbox. */
    public String recipientParticipant() {
        return recipient.substring(0, recipient.indexOf('.'));
    }

    /** A copy with the gateway-assigned ids filled in where the sender left them out. */
    public Envelope withAssignedIds() {
        return withAssignedIds(UUID.randomUUID().toString());
    }

    /** As {@link #withAssignedIds()}, with the message id to use when the sender gave none. */
    public Envelope withAssignedIds(String idIfAbsent) {
        String id = messageId != null ? messageId.toLowerCase() : idIfAbsent;
        String conversation = conversationId != null ? conversationId.toLowerCase() : id;
        return new Envelope(id, conversation, inReplyTo, correlationId, recipient, product, status, subject,
                metadata, legalBasis);
    }
}
