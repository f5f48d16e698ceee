package se.kurir.subscription;

/** The feed could not commit an event (database trouble, shutting down); the publisher may retry with the same id. */
public final class FeedUnavailableException extends RuntimeException {

    FeedUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
