package se.kurir.adapter.pipeline;

import se.kurir.delivery.DeadLetters;

/**
 * One delivery attempt of a {@link MailboxChannel} failed, and is counted on the message with its reason: thrown, it
 * rolls the delivery back, so the broker retries with back-off and finally dead-letters.
 */
public final class FailedAttempt extends RuntimeException {

    private FailedAttempt(String reason) {
        super(reason);
    }

    /** Records the failed attempt on the message and returns what to throw. */
    public static FailedAttempt recorded(DeadLetters deadLetters, String messageId, String reason) {
        deadLetters.attemptFailed(messageId, reason);
        return new FailedAttempt(reason);
    }
}
