package se.kurir.subscription.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway delivers push and broker-queue subscriptions.
 *
 * @param enabled whether this node delivers them; nodes sharing a database take turns per subscription (leases)
 * @param workers threads that read feeds and hand runs to endpoints; a push waits for its answer without one
 * @param batch most events per push request or broker transaction
 * @param initialDelay back-off after the first failed delivery, doubled per failure up to {@code maxDelay}
 * @param lease how long a run's lease on its subscription lasts: longer than the slowest delivery run, and how
 *     long the other nodes wait before they take over the subscriptions of a node that died
 */
@Validated
@ConfigurationProperties("kurir.subscriptions.delivery")
record DeliveryProperties(@DefaultValue("true") boolean enabled, @Min(1) @Max(64) int workers,
        @Min(1) @Max(1000) int batch, @NotNull Duration initialDelay, @NotNull Duration maxDelay,
        @NotNull Duration lease) {

    /** Exponential back-off with ±25% jitter, so subscriptions that failed together do not retry together. */
    Duration backoff(int attempts, double random) {
        double millis = initialDelay.toMillis() * Math.pow(2, Math.min(attempts - 1, 20));
        long capped = (long) Math.min(millis, maxDelay.toMillis());
        return Duration.ofMillis((long) (capped * (0.75 + random * 0.5)));
    }
}
