package se.kurir.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;
import se.kurir.registry.Product;
import se.kurir.registry.Registry;
import se.kurir.subscription.DeliveryMode;
import se.kurir.subscription.SubscriptionBacklog;
import se.kurir.subscription.SubscriptionCatalogue;

/**
 * Per product and delivery mode: {@code kurir.subscriptions} (how many), {@code kurir.subscriptions.failing} (last
 * delivery attempt failed) and {@code kurir.subscriptions.lag.max} (events the furthest-behind one is behind the
 * feed's head). Aggregated so the series do not multiply with subscribers; per subscription, the API shows the lag.
 */
@Component
class SubscriptionMetrics implements MeterBinder {

    private final Registry registry;
    private final Snapshot<List<SubscriptionBacklog>> snapshot;

    SubscriptionMetrics(Registry registry, SubscriptionCatalogue subscriptions, Clock clock) {
        this.registry = registry;
        this.snapshot = new Snapshot<>(subscriptions::backlog, clock);
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        for (Product product : registry.products()) {
            for (DeliveryMode mode : DeliveryMode.values()) {
                gauge(meters, "kurir.subscriptions", "Subscriptions", product, mode, SubscriptionBacklog::subscriptions);
                gauge(meters, "kurir.subscriptions.failing", "Subscriptions whose last delivery attempt failed",
                        product, mode, SubscriptionBacklog::failing);
                gauge(meters, "kurir.subscriptions.lag.max", "Events the furthest-behind subscription is behind",
                        product, mode, SubscriptionBacklog::maxLag);
            }
        }
    }

    private void gauge(MeterRegistry meters, String name, String description, Product product, DeliveryMode mode,
            ToDoubleFunction<SubscriptionBacklog> value) {
        Gauge.builder(name, () -> backlog(product.id(), mode).map(value::applyAsDouble).orElse(0.0))
                .tag("product", product.id()).tag("deliveryMode", mode.name()).description(description)
                .register(meters);
    }

    private Optional<SubscriptionBacklog> backlog(String product, DeliveryMode mode) {
        return snapshot.get().stream().filter(b -> b.product().equals(product) && b.deliveryMode() == mode).findFirst();
    }
}
