/**
 * Subscriptions (abonnemang): a producer publishes change events to its product's feed; each event is stored once
 * with a per-product, gap-free sequence number, and each subscription is a consumer's filter, agreement and cursor
 * into that feed. Delivery (pull, push, broker queue) reads the feed from the cursor; the subscriber sees only the
 * events its filter and agreement let through, and only the payload fields its agreement entitles it to. By role:
 * {@link se.kurir.subscription.EventFeed} (publishing and retention), {@link se.kurir.subscription.SubscriptionCatalogue}
 * (which subscriptions exist), {@link se.kurir.subscription.SubscriptionReader} (a subscription's view of its feed),
 * {@link se.kurir.subscription.SubscriptionCursors} (where each stands); the gateway's deliverers are in
 * {@code subscription.delivery}.
 */
package se.kurir.subscription;
