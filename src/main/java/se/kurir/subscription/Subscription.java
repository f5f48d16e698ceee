package se.kurir.subscription;

import java.time.Instant;

/**
 * A consumer's durable interest in a product's feed (abonnemang).
 *
 * @param agreementId the agreement that allows the consumer this product by subscription; checked for every event
 * @param pushMailbox for PUSH: the consumer's mailbox whose push endpoint receives the events
 * @param cursor the last sequence the subscriber has: delivery continues with the next one
 * @param attempts failed delivery attempts since the last success (push and broker queue)
 * @param lastError why the last attempt failed, if it did
 */
public record Subscription(String id, String consumer, String product, String agreementId, SubscriptionFilter filter,
        DeliveryMode deliveryMode, String pushMailbox, long cursor, Instant createdAt, int attempts,
        String lastError) {
}
