package se.kurir.subscription;

/**
 * The answer to a publication.
 *
 * @param duplicate true when the event id was published before: nothing new was stored
 */
public record PublishedEvent(String product, String eventId, long sequence, boolean duplicate) {
}
