package se.kurir.subscription;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A run of a subscription's feed.
 *
 * @param after where the run starts: the events follow this sequence
 * @param nextAfter where the next run starts, and what to commit once these events are safe: events skipped by the
 *     filter are passed over, so it may be beyond the last event's sequence
 * @param head the feed's newest sequence when read
 * @param withheld events passed over because the subscription's agreement does not allow their legal basis
 */
public record FeedPage(String subscriptionId, String product, List<FeedItem> events, long after, long nextAfter,
        long head, int withheld) {

    @JsonIgnore
    public boolean isEmpty() {
        return events.isEmpty();
    }
}
