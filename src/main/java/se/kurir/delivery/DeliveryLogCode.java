package se.kurir.delivery;

import se.kurir.logging.LogCode;
import se.kurir.logging.LogCodeRange;

/** Log codes of mailbox delivery. */
@LogCodeRange(from = 2000, to = 2999, concern = "mailbox delivery")
public enum DeliveryLogCode implements LogCode {

    STALE_REQUEUED(2001, "Accepted messages that waited longer than kurir.pipeline.requeue-after (a lost hand-over) were queued again."),
    QUEUE_MESSAGE_UNKNOWN(2002, "A queue message names a message the database does not hold; it is refused, so the broker redelivers it and finally dead-letters it. Check for a restored database."),
    DEAD_LETTERED(2003, "A message failed delivery after every attempt and is a dead letter (FAILED receipt); replay it once the endpoint works."),
    DEAD_LETTER_UNRECORDED(2004, "A dead letter could not be recorded in the database; it is kept in kurir.dlq.unrecorded. Check the database."),
    DELIVERED_BY_OTHER(2005, "A message was recorded delivered by a broker message whose transaction did not commit; its outbox copy is sent again.");

    private final int number;
    private final String meaning;

    DeliveryLogCode(int number, String meaning) {
        this.number = number;
        this.meaning = meaning;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public String meaning() {
        return meaning;
    }

    @Override
    public String toString() {
        return code();
    }
}
