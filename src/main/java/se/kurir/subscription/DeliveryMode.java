package se.kurir.subscription;

/** How a subscription's events reach the subscriber. */
public enum DeliveryMode {
    /** The subscriber reads its feed ({@code GET /api/v1/subscriptions/{id}/feed}) and commits its cursor. */
    PULL,
    /** The gateway posts the events, in order, to the push endpoint of one of the subscriber's mailboxes. */
    PUSH,
    /** The gateway sends each event to the subscription's durable queue on the broker. */
    JMS
}
