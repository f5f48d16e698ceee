package se.kurir.delivery;

import se.kurir.problem.ProblemCode;

/** Why a request about a message, a mailbox, a review, a dead letter or a synchronous request failed. */
public enum DeliveryProblem implements ProblemCode {
    MAILBOX_FORBIDDEN("The caller does not own the mailbox it asked about."),
    DUPLICATE_IN_PROGRESS(
            "A message with this messageId from this sender is being admitted right now; ask again shortly."),
    MESSAGE_ID_CONFLICT("This sender already used this messageId for a different message."),
    NOT_IN_REVIEW("The message is not waiting for a review (sekretessprövning), so it cannot be approved or denied."),
    CONTENT_SEALED("The payload is sealed for its recipient: the node cannot show it; the review judges the metadata."),
    NOT_A_DEAD_LETTER("Only a message that failed delivery (a dead letter) can be replayed."),
    DELIVERY_FAILED("Delivery failed after every attempt (a FAILED receipt, or a subscription's failed run)."),
    QUERY_TIMEOUT("The answerer did not reply within kurir.requests.timeout."),
    QUERY_REMOTE_ERROR("The answerer's endpoint failed or could not be reached."),
    REPLY_INVALID("The answerer's reply is not the JSON a reply must be."),
    REPLY_TOO_LARGE("The answerer's reply is larger than kurir.requests.max-size.");

    private final String meaning;

    DeliveryProblem(String meaning) {
        this.meaning = meaning;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
