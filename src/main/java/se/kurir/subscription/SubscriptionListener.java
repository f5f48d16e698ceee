package se.kurir.subscription;

/** Told when subscriptions come, go or are moved, so deliverers can follow; called after the change is committed. */
public interface SubscriptionListener {

    void created(Subscription subscription);

    void deleted(Subscription subscription);

    void cursorMoved(Subscription subscription);
}
