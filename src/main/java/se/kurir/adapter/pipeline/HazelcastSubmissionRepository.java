package se.kurir.adapter.pipeline;

import com.hazelcast.map.IMap;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Seen (sender, messageId) pairs in a Hazelcast map, claimed with one atomic putIfAbsent. Camel's own Hazelcast
 * repository takes a cluster lock per key; this one takes none, so it is cheaper and does not build correctness on
 * Hazelcast Community's locks. The map's time-to-live is set in config/hazelcast.yaml; the database's primary key
 * catches duplicates older than that.
 */
final class HazelcastSubmissionRepository extends ServiceSupport implements IdempotentRepository {

    private final IMap<String, Boolean> seen;

    HazelcastSubmissionRepository(IMap<String, Boolean> seen) {
        this.seen = seen;
    }

    @Override
    public boolean add(String key) {
        return seen.putIfAbsent(key, Boolean.TRUE) == null;
    }

    @Override
    public boolean contains(String key) {
        return seen.containsKey(key);
    }

    @Override
    public boolean remove(String key) {
        return seen.remove(key) != null;
    }

    /** The claim made by {@link #add} is already final. */
    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        seen.clear();
    }
}
