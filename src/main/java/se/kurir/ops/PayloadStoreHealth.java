package se.kurir.ops;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;
import se.kurir.payload.PayloadStore;

/** The payload store is healthy when its directory is writable and has room for more than the reserve. */
@Component("payloadStoreHealthIndicator")
class PayloadStoreHealth implements HealthIndicator {

    private static final long RESERVE_BYTES = 1L << 30;

    private final PayloadStore store;

    PayloadStoreHealth(PayloadStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        long free = store.usableSpace();
        Health.Builder health = store.isWritable() && free > RESERVE_BYTES ? Health.up() : Health.down();
        return health.withDetail("usableBytes", free).withDetail("reserveBytes", RESERVE_BYTES).build();
    }
}
