package se.kurir.delivery;

/**
 * What the sender is told about a submission.
 *
 * @param duplicate true when the message id was seen before and this is the earlier answer again
 */
public record IntakeResult(MessageRecord message, boolean duplicate) {

    public String messageId() {
        return message.messageId();
    }

    /** The admission outcome: ACCEPTED for anything that got past admission, else the state itself. */
    public MessageState admission() {
        return switch (message.state()) {
            case DELIVERED, FETCHED, ACKNOWLEDGED -> MessageState.ACCEPTED;
            default -> message.state();
        };
    }

    /** True when this submission, and not an earlier one, must hand the message to its mailbox queue. */
    public boolean queued() {
        return message.state() == MessageState.ACCEPTED && !duplicate;
    }
}
