package se.kurir.subscription;

import se.kurir.logging.LogCode;
import se.kurir.logging.LogCodeRange;

/** Log codes of subscriptions (abonnemang) and feeds. */
@LogCodeRange(from = 5000, to = 5999, concern = "subscriptions (abonnemang) and feeds")
public enum SubscriptionLogCode implements LogCode {

    FEED_LISTENER_FAILED(5001, "A listener waiting for new events on a feed failed; the others were told. Long-polls end at their timeout."),
    FEED_UNAVAILABLE(5002, "An event could not be stored in its feed (503 FEED_UNAVAILABLE answered); the publisher sends it again."),
    DELIVERY_FAILED(5003, "A subscription's delivery attempt failed; it is tried again after the back-off the line names."),
    FAILURE_NOT_RECORDED(5004, "A subscription's failed delivery could not be recorded; the attempt is repeated."),
    QUEUE_NOT_REMOVED(5005, "The broker queue of a deleted subscription could not be removed; remove it in the console.");

    private final int number;
    private final String meaning;

    SubscriptionLogCode(int number, String meaning) {
        this.number = number;
        this.meaning = meaning;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public String meaning() {
        return meaning;
    }

    @Override
    public String toString() {
        return code();
    }
}
