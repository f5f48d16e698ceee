package se.kurir.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;
import se.kurir.audit.AuditLog;
import se.kurir.delivery.DeadLetters;
import se.kurir.payload.PayloadStore;
import se.kurir.subscription.EventFeed;

/**
 * What docker/prometheus/kurir-alerts.yml and the Grafana dashboard watch besides the mailboxes and subscriptions:
 * bytes moved through the payload store, the feeds' group commit (events per transaction, as the audit log's), the
 * dead letters waiting for an operator, the audit log refusing requests because it cannot be written, and the room
 * left for payloads.
 */
@Component
class FlowMetrics implements MeterBinder {

    private final PayloadStore payloads;
    private final EventFeed feed;
    private final DeadLetters deadLetters;
    private final AuditLog audit;

    FlowMetrics(PayloadStore payloads, EventFeed feed, DeadLetters deadLetters, AuditLog audit) {
        this.payloads = payloads;
        this.feed = feed;
        this.deadLetters = deadLetters;
        this.audit = audit;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        FunctionCounter.builder("kurir.payload.stored", payloads, PayloadStore::bytesStored).baseUnit("bytes")
                .description("Payload bytes taken in from senders").register(meters);
        FunctionCounter.builder("kurir.payload.read", payloads, PayloadStore::bytesRead).baseUnit("bytes")
                .description("Payload bytes read out of the store: deliveries, fetches, the pipeline's own reads")
                .register(meters);
        Gauge.builder("kurir.payload.store.usable", payloads, PayloadStore::usableSpace).baseUnit("bytes")
                .description("Room left on the payload store's file system").register(meters);
        FunctionCounter.builder("kurir.feed.events", feed, EventFeed::publishedCount)
                .description("Feed events committed by this node").register(meters);
        FunctionCounter.builder("kurir.feed.commits", feed, EventFeed::commitCount)
                .description("Transactions those events were committed in (group commit)").register(meters);
        Gauge.builder("kurir.dead.letters", deadLetters, DeadLetters::count)
                .description("Messages whose delivery failed after every attempt, waiting for an operator")
                .register(meters);
        FunctionCounter.builder("kurir.audit.unavailable", audit, AuditLog::unavailableCount)
                .description("Requests refused because the audit log could not be written").register(meters);
    }
}
