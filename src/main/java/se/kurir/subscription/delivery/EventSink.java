package se.kurir.subscription.delivery;

import java.util.concurrent.CompletableFuture;
import se.kurir.subscription.DeliveryMode;
import se.kurir.subscription.FeedPage;
import se.kurir.subscription.Subscription;

/**
 * The port through which the gateway delivers a subscription's events, implemented by the transport of one delivery
 * mode (push in {@code adapter.http}, broker queues in {@code adapter.jms}): a new mode adds a bean of this type.
 */
public interface EventSink {

    /** The subscriptions this sink delivers. */
    DeliveryMode mode();

    /** Completes once the run is safely with the subscriber; fails, and the lane backs off, otherwise. */
    CompletableFuture<Void> deliver(Subscription subscription, FeedPage page);
}
