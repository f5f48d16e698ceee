package se.kurir.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import se.kurir.delivery.Backlog;
import se.kurir.delivery.MailboxDelivery;
import se.kurir.registry.Mailbox;
import se.kurir.registry.Registry;

/**
 * Per mailbox: {@code kurir.mailbox.waiting} (accepted, not yet delivered) and {@code kurir.mailbox.oldest.age}
 * (seconds since the oldest of those was received). Read from the database, so the figures hold with an embedded or
 * an external broker; one query serves every gauge of a scrape.
 */
@Component
class MailboxMetrics implements MeterBinder {

    private final Registry registry;
    private final Clock clock;
    private final Snapshot<Map<String, Backlog>> snapshot;

    MailboxMetrics(Registry registry, MailboxDelivery delivery, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.snapshot = new Snapshot<>(() -> delivery.backlog().stream()
                .collect(Collectors.toMap(Backlog::mailbox, Function.identity())), clock);
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        for (Mailbox mailbox : registry.mailboxes()) {
            Gauge.builder("kurir.mailbox.waiting", () -> backlog(mailbox.address()).waiting())
                    .tag("mailbox", mailbox.address()).description("Messages accepted and not yet delivered")
                    .register(meters);
            Gauge.builder("kurir.mailbox.oldest.age", () -> ageSeconds(backlog(mailbox.address())))
                    .tag("mailbox", mailbox.address()).baseUnit("seconds")
                    .description("Age of the oldest message waiting for delivery").register(meters);
        }
    }

    private double ageSeconds(Backlog backlog) {
        return backlog.waiting() == 0 ? 0
                : Duration.between(backlog.oldestReceivedAt(), clock.instant()).toMillis() / 1000.0;
    }

    private Backlog backlog(String mailbox) {
        return snapshot.get().getOrDefault(mailbox, new Backlog(mailbox, 0, null));
    }
}
