/**
 * Delivery of subscriptions (abonnemang) by the gateway: the dispatcher that pushes each PUSH subscription's feed to
 * its endpoint and sends each JMS subscription's feed to its broker queue, in order, at least once; the wake-ups
 * that let pull readers long-poll; and publication over the broker (queue {@code kurir.publish.<orgnr>}).
 */
package se.kurir.adapter.subscription;
