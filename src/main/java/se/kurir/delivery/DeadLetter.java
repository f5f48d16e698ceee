package se.kurir.delivery;

import java.time.Instant;

/** A message whose delivery failed after every attempt, with what went wrong the last time. */
public record DeadLetter(String messageId, String sender, String recipient, String product, int attempts,
        String lastError, Instant failedAt) {
}
