package se.kurir.delivery;

import java.time.Instant;

/** Mailbox listing filters; null means no filter. */
public record MailboxFilter(MessageState state, String product, Instant since, int limit) {
}
