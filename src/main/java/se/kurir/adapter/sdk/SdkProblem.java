package se.kurir.adapter.sdk;

import se.kurir.problem.ProblemCode;

/** Why the SDK message service refused a request from an agency system (the MT–MK API). */
enum SdkProblem implements ProblemCode {
    SDK_DOCUMENT_INVALID("The request is not a JSON:API messages document (data.type messages, data.attributes)."),
    SDK_MESSAGE_INVALID("The SDK message the request describes breaks the message schema (SV) or a business rule "
            + "(BV); eventIssues name each element and rule."),
    SDK_RECIPIENT_UNKNOWN("The recipient organisation (0203:<domain>) or its functional address is not in the "
            + "registry."),
    SDK_SENDER_NOT_CALLER("The sender organisation, or the sender's functional address, is not the authenticated "
            + "participant's."),
    SDK_AGREEMENT_MISSING("No agreement carries SDK messages from the sender to that functional address."),
    SDK_MESSAGE_NOT_FOUND("No SDK message with that id is the caller's, as sender or recipient."),
    SDK_RECEIPT_NOT_FOUND("The message has no receipt yet (still on its way), or none is given for it (an unknown "
            + "recipient)."),
    SDK_DELETE_NOT_ALLOWED("Only the recipient deletes a message, which acknowledges it; a sent message stays on "
            + "record."),
    SDK_FILTER_INVALID("A filter[...] parameter names an attribute or a value the list does not filter by.");

    private final String meaning;

    SdkProblem(String meaning) {
        this.meaning = meaning;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
