package se.kurir.adapter.pipeline;

import com.hazelcast.map.IMap;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Seen (sender, messageId) pairs in a Hazelcast map, claimed with one atomic putIfAbsent. Camel's own Hazelcast
 * repository takes a cluster lock per key; this one takes none, so it is cheaper and does not build correctness on
 * Hazelcast Community's locks. The map's time-to-live is set in config/hazelcast.yaml; the database's primary key
 * catches duplicates older than that.
 *
 * <p>A claim is pending (the time it was taken) until its submission completes, and then confirmed. A pending claim
 * whose request never completed, because its node died mid-request (the map keeps a backup on another member), would
 * otherwise answer every retry "still being admitted" for as long as the map keeps it; after the claim timeout a
 * retry takes it over, atomically, so one retry wins. A confirmed claim is never taken over.
 */
final class HazelcastSubmissionRepository extends ServiceSupport implements IdempotentRepository {

    static final long CONFIRMED = -1L;

    private final IMap<String, Long> seen;
    private final Duration claimTimeout;
    private final Clock clock;

    HazelcastSubmissionRepository(IMap<String, Long> seen, Duration claimTimeout, Clock clock) {
        this.seen = seen;
        this.claimTimeout = claimTimeout;
        this.clock = clock;
    }

    @Override
    public boolean add(String key) {
        long now = clock.millis();
        Long claimed = seen.putIfAbsent(key, now);
        if (claimed == null) {
            return true;
        }
        boolean abandoned = claimed != CONFIRMED && now - claimed > claimTimeout.toMillis();
        return abandoned && seen.replace(key, claimed, now);
    }

    @Override
    public boolean contains(String key) {
        return seen.containsKey(key);
    }

    @Override
    public boolean remove(String key) {
        return seen.remove(key) != null;
    }

    /** The submission completed: its claim holds for good. */
    @Override
    public boolean confirm(String key) {
        seen.set(key, CONFIRMED);
        return true;
    }

    @Override
    public void clear() {
        seen.clear();
    }
}
