/**
 * Delivery of subscriptions (abonnemang) by the gateway: the dispatcher that pushes each PUSH subscription's feed to
 * its endpoint and sends each JMS subscription's feed to its broker queue, in order, at least once, and the broker
 * queues it sends to. The wake-ups that let pull readers long-poll are the domain's
 * ({@link se.kurir.subscription.FeedSignals}).
 */
package se.kurir.adapter.subscription;
