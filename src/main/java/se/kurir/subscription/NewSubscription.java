package se.kurir.subscription;

/**
 * What a consumer asks for.
 *
 * @param filter null for every event
 * @param pushMailbox PUSH and SFTP_BATCH only: the consumer's mailbox whose registered push endpoint or file inbox
 *     receives the events
 * @param start {@code NOW} (the default), a sequence number (the first event to receive) or an ISO 8601 instant
 *     (the first event published at or after it)
 */
public record NewSubscription(String product, SubscriptionFilter filter, DeliveryMode deliveryMode,
        String pushMailbox, String start) {
}
