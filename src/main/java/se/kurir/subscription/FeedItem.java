package se.kurir.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import se.kurir.envelope.LegalBasis;

/**
 * One event as one subscriber may see it.
 *
 * @param idempotencyKey the same on every delivery of this event to this subscription, so repeats can be dropped
 * @param payload only the fields the subscriber's agreement entitles it to
 */
public record FeedItem(long sequence, String eventId, String idempotencyKey, String eventType, String subjectKey,
        Instant publishedAt, LegalBasis legalBasis, JsonNode payload) {
}
