package se.kurir.subscription.delivery;

import java.time.Duration;
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

    /** The most events in one run, given the dispatcher's {@code batch}. */
    default int runSize(int batch) {
        return batch;
    }

    /**
     * How long a subscription's events are collected before they are delivered: zero delivers each event as soon as
     * it is published; a batch mode opens a window with the first event and delivers the window's events in one run
     * when it closes (or sooner, once {@link #runSize} of them are waiting).
     */
    default Duration window() {
        return Duration.ZERO;
    }

    /** Completes once the run is safely with the subscriber; fails, and the lane backs off, otherwise. */
    CompletableFuture<Void> deliver(Subscription subscription, FeedPage page);
}
