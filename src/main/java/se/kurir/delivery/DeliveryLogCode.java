package se.kurir.delivery;

import se.kurir.logging.LogCode;
import se.kurir.logging.LogCodeRange;

/** Log codes of mailbox delivery. */
@LogCodeRange(from = 2000, to = 2999, concern = "mailbox delivery")
public enum DeliveryLogCode implements LogCode {

    @Code(value = 2001, meaning = "Accepted messages that waited longer than kurir.pipeline.requeue-after (a lost "
            + "hand-over) were queued again.")
    STALE_REQUEUED,

    @Code(value = 2002, meaning = "A queue message names a message the database does not hold; it is refused, so the "
            + "broker redelivers it and finally dead-letters it. Check for a restored database.")
    QUEUE_MESSAGE_UNKNOWN,

    @Code(value = 2003, meaning = "A message failed delivery after every attempt and is a dead letter (FAILED "
            + "receipt); replay it once the endpoint works.")
    DEAD_LETTERED,

    @Code(value = 2004, meaning = "A dead letter could not be recorded in the database; it is kept in "
            + "kurir.dlq.unrecorded. Check the database.")
    DEAD_LETTER_UNRECORDED,

    @Code(value = 2005, meaning = "A message was recorded delivered by a broker message whose transaction did not "
            + "commit; its outbox copy is sent again.")
    OUTBOX_COPY_RESENT;

    @Override
    public String toString() {
        return code();
    }
}
