/**
 * Delivery of subscriptions (abonnemang) by the gateway, behind a port: the dispatcher runs one lane per push or
 * broker-queue subscription (in feed order, at least once, with its own back-off) and hands each run to the
 * {@link se.kurir.subscription.delivery.EventSink} of its delivery mode, which the transport provides. No Camel and no
 * transport here. The wake-ups that let pull readers long-poll are {@link se.kurir.subscription.FeedSignals}.
 */
package se.kurir.subscription.delivery;
