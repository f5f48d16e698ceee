package se.kurir.delivery;

import java.util.List;

/**
 * One page of a mailbox listing, in mailbox order, and the cursor to list after it: the last message's place, or the
 * cursor asked with when the page is empty, so a client that polls keeps its place.
 */
public record MailboxPage(List<MessageRecord> messages, MailboxCursor next) {
}
