package se.kurir.subscription;

/**
 * How the subscriptions of one product and delivery mode are keeping up.
 *
 * @param failing subscriptions whose last delivery attempt failed
 * @param maxLag events between the feed's head and the cursor of the furthest-behind subscription
 */
public record SubscriptionBacklog(String product, DeliveryMode deliveryMode, long subscriptions, long failing,
        long maxLag) {
}
