package se.kurir.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import se.kurir.envelope.LegalBasis;

/**
 * One event of a product's change feed, as stored: once, whoever subscribes.
 *
 * @param sequence the event's place in its product's feed: 1, 2, 3, ... without gaps
 * @param subjectKey what the event is about: an organisation number, a personal identity number or a pseudonym
 * @param agreementId the agreement under which the publisher published it
 * @param payload the producer's JSON object, whole; subscribers see only their entitled view of it
 */
public record FeedEvent(String product, long sequence, String eventId, String eventType, String subjectKey,
        String publisher, String agreementId, LegalBasis legalBasis, JsonNode payload, Instant publishedAt) {
}
