package se.kurir.envelope;

/**
 * The envelope of a feed event: a message envelope without recipient, since the feed's subscribers receive it.
 *
 * @param messageId the event's id; the publication is idempotent on it
 * @param product null, or the product of the feed published to
 */
public record EventEnvelope(String messageId, String product, String correlationId, MessageStatus status,
        LegalBasis legalBasis) {
}
