package se.kurir.delivery;

/** Port to the durable queue behind each mailbox; implemented by the broker adapter. */
public interface MailboxQueue {

    /** Hands the message to its mailbox queue; returns once the broker has it durably. */
    void enqueue(MessageRecord message);
}
