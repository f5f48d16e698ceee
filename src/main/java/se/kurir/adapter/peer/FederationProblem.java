package se.kurir.adapter.peer;

import se.kurir.problem.ProblemCode;

/** Why a peer node's request was refused on the federation listener. */
enum FederationProblem implements ProblemCode {
    FORWARD_MALFORMED("The forwarded message is not a multipart body of a forwarded part, then a payload part."),
    SENDER_NOT_SERVED_BY_PEER("The message's sender is not a participant the directory says the calling node serves."),
    RECIPIENT_NOT_SERVED_HERE("The recipient mailbox is not one this node serves.");

    private final String meaning;

    FederationProblem(String meaning) {
        this.meaning = meaning;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
