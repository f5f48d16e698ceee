package se.kurir.envelope;

import com.fasterxml.jackson.databind.JsonNode;

/** A publisher's event as read and validated against {@code xsd/event.schema.json}. */
public record FeedEventSubmission(EventEnvelope envelope, String subjectKey, String eventType, JsonNode payload) {
}
