package se.kurir.subscription;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param defaultRetention how long a feed keeps its events when its product names no retention of its own
 * @param maxEventSize the largest event payload a feed takes; products may allow less
 * @param maxBatch most events committed to the feeds in one transaction
 * @param commitTimeout how long a publisher waits for its event's commit
 * @param windowEvents how many of each feed's newest events are kept in memory for fan-out; 0 reads every page
 *     from the database (a cluster must: another node's events would not be in this node's window)
 * @param maxWatchedSubjects most subject keys one subscription may watch
 */
@Validated
@ConfigurationProperties("kurir.subscriptions")
public record SubscriptionProperties(@NotNull Period defaultRetention, @NotNull DataSize maxEventSize,
        @Min(1) @Max(10_000) int maxBatch, @NotNull Duration commitTimeout, @Min(0) int windowEvents,
        @Min(1) int maxWatchedSubjects) {

    /** The largest event document taken in: the largest payload with room for the envelope and the other fields. */
    public long maxEventDocument() {
        return maxEventSize.toBytes() + 64 * 1024;
    }
}
