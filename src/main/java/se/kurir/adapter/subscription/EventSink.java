package se.kurir.adapter.subscription;

import java.util.concurrent.CompletableFuture;
import se.kurir.subscription.FeedPage;
import se.kurir.subscription.Subscription;

/** Where the gateway delivers a subscription's events: completes once the run is safely with the subscriber. */
interface EventSink {

    CompletableFuture<Void> deliver(Subscription subscription, FeedPage page);
}
