package se.kurir.subscription;

/**
 * Told when subscriptions come, go or are moved, so deliverers can follow; called after the change is committed.
 * A listener overrides what concerns it.
 */
public interface SubscriptionListener {

    default void created(Subscription subscription) {
    }

    default void deleted(Subscription subscription) {
    }

    default void cursorMoved(Subscription subscription) {
    }
}
