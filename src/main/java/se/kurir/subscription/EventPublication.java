package se.kurir.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import se.kurir.envelope.FeedEventSubmission;
import se.kurir.envelope.LegalBasis;

/**
 * What a producer publishes: an event for one product's feed, with the envelope's legal-basis tag.
 *
 * @param eventId the producer's id for the event; publishing the same id again is answered with the first sequence
 * @param payload a JSON object
 */
public record EventPublication(String publisher, String product, String eventId, String eventType, String subjectKey,
        LegalBasis legalBasis, JsonNode payload) {

    /** The publication of a submitted event to the feed of {@code product}, with an id assigned when it has none. */
    public static EventPublication of(String publisher, String product, FeedEventSubmission event) {
        return of(publisher, product, event, UUID.randomUUID().toString());
    }

    /** As {@link #of(String, String, FeedEventSubmission)}, with the event id to use when the publisher gave none. */
    public static EventPublication of(String publisher, String product, FeedEventSubmission event,
            String idIfAbsent) {
        if (event.envelope().product() != null && !event.envelope().product().equals(product)) {
            throw SubscriptionException.invalid(SubscriptionProblem.PRODUCT_MISMATCH, "envelope.product: "
                    + event.envelope().product()
                    + " is not the product of this feed, " + product);
        }
        String id = event.envelope().messageId() != null ? event.envelope().messageId().toLowerCase() : idIfAbsent;
        return new EventPublication(publisher, product, id, event.eventType(), event.subjectKey(),
                event.envelope().legalBasis(), event.payload());
    }
}
