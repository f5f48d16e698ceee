package se.kurir.delivery;

import java.time.Instant;

/**
 * Mailbox listing filters; null means no filter.
 *
 * @param since messages received at or after this time
 * @param after messages placed in the mailbox after this cursor
 */
public record MailboxFilter(MessageState state, String product, Instant since, MailboxCursor after, int limit) {
}
