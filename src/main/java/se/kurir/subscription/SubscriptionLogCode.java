package se.kurir.subscription;

import se.kurir.logging.LogCode;
import se.kurir.logging.LogCodeRange;

/** Log codes of subscriptions (abonnemang) and feeds. */
@LogCodeRange(from = 5000, to = 5999, concern = "subscriptions (abonnemang) and feeds")
public enum SubscriptionLogCode implements LogCode {

    @Code(value = 5001, meaning = "A listener waiting for new events on a feed failed; the others were told. "
            + "Long-polls end at their timeout.")
    FEED_LISTENER_FAILED,

    @Code(value = 5002, meaning = "An event could not be stored in its feed (503 FEED_UNAVAILABLE answered); the "
            + "publisher sends it again.")
    FEED_UNAVAILABLE,

    @Code(value = 5003, meaning = "A subscription's delivery attempt failed; it is tried again after the back-off "
            + "the line names.")
    DELIVERY_FAILED,

    @Code(value = 5004, meaning = "A subscription's failed delivery could not be recorded; the attempt is repeated.")
    FAILURE_NOT_RECORDED,

    @Code(value = 5005, meaning = "The broker queue of a deleted subscription could not be removed; remove it in the "
            + "console.")
    QUEUE_NOT_REMOVED,

    @Code(value = 5006, meaning = "A stopping node could not give up its subscription leases; other nodes take the "
            + "subscriptions over when the leases run out (kurir.subscriptions.delivery.lease).")
    LEASES_NOT_RELEASED;

    @Override
    public String toString() {
        return code();
    }
}
