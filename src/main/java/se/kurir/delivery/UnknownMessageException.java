package se.kurir.delivery;

/** A queued message that the database does not know: a sign of lost state, so it must reach a person. */
public final class UnknownMessageException extends RuntimeException {

    UnknownMessageException(String messageId) {
        super("no record of message " + messageId);
    }
}
