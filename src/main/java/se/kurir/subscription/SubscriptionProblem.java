package se.kurir.subscription;

import se.kurir.problem.ProblemCode;

/** Why a subscription (abonnemang), feed read or event publication was refused. */
public enum SubscriptionProblem implements ProblemCode {
    SUBSCRIPTION_NOT_FOUND("No subscription with this id belongs to the caller."),
    FILTER_NOT_ALLOWED("The agreement lets this consumer subscribe without a filter only."),
    FILTER_INVALID("A filter value is malformed; the detail names it."),
    FILTER_TOO_LARGE("The filter names more subject keys or conditions than allowed."),
    FILTER_FIELD_NOT_ENTITLED("The filter uses a field the agreement does not give this consumer."),
    MAILBOX_NOT_IN_AGREEMENT("The push mailbox is not one of the consumer's mailboxes under the agreement."),
    NO_PUSH_ENDPOINT("The push mailbox has no push endpoint in the registry."),
    NO_FILE_INBOX("The mailbox of an SFTP_BATCH subscription has no file inbox in the registry."),
    CURSOR_INVALID("The feed position asked for is not one the feed has."),
    START_INVALID("The subscription's start is not NOW, a sequence number or an ISO 8601 instant."),
    FEED_POSITION_EXPIRED("The feed no longer holds events that old (retention); start later."),
    EVENTS_EXPIRED("Events a subscription had not yet received passed the feed's retention and are gone."),
    PRODUCT_MISMATCH("The event's envelope names another product than the feed it is published to."),
    EVENT_TOO_LARGE("The event is larger than kurir.subscriptions.max-event-size."),
    FEED_UNAVAILABLE("The feed could not store the event; publish it again with the same messageId.");

    private final String meaning;

    SubscriptionProblem(String meaning) {
        this.meaning = meaning;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
