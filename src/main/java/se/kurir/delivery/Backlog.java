package se.kurir.delivery;

import java.time.Instant;

/** Messages of one mailbox that are accepted and waiting for delivery. */
public record Backlog(String mailbox, long waiting, Instant oldestReceivedAt) {
}
