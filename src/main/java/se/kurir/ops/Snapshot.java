package se.kurir.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** A value read again only when older than two seconds: one query serves every gauge of a scrape. */
final class Snapshot<T> {

    private static final Duration FRESH = Duration.ofSeconds(2);

    private final Supplier<T> source;
    private final Clock clock;
    private volatile T value;
    private volatile Instant takenAt = Instant.MIN;

    Snapshot(Supplier<T> source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    T get() {
        if (takenAt.plus(FRESH).isBefore(clock.instant())) {
            value = source.get();
            takenAt = clock.instant();
        }
        return value;
    }
}
