package se.kurir.delivery;

/**
 * Where a client stopped reading a mailbox: the place of the last message it was given. Places count up in the order
 * deliveries into the mailbox committed, so a client that lists {@code after} its cursor sees every message once,
 * also one received earlier but delivered later, and none twice. Written as the place's decimal number; clients
 * pass it back unchanged.
 */
public record MailboxCursor(long place) {

    public MailboxCursor {
        if (place < 0) {
            throw new IllegalArgumentException("a mailbox cursor is not negative");
        }
    }

    /** @throws IllegalArgumentException when the text is not a cursor this gateway gave */
    public static MailboxCursor parse(String text) {
        if (text == null || !text.matches("\\d{1,18}")) {
            throw new IllegalArgumentException("not a mailbox cursor: give back the nextCursor of a listing");
        }
        return new MailboxCursor(Long.parseLong(text));
    }

    @Override
    public String toString() {
        return Long.toString(place);
    }
}
