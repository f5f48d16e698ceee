package se.kurir.adapter.shs;

import se.kurir.problem.ProblemCode;

/** Why the SHS services refused a request, each with the SHS error code an SHS client is told. */
enum ShsProblem implements ProblemCode {
    SHS_MESSAGE_MALFORMED(ShsErrorCode.ILLEGAL_MESSAGE_STRUCTURE,
            "The SHS message is not a complete MIME message: no boundary, a part missing, or it ends before its "
                    + "closing boundary (truncated); nothing of it was kept."),
    SHS_LABEL_INVALID(ShsErrorCode.ILLEGAL_MESSAGE_STRUCTURE,
            "The shs.label is not well-formed, or an attribute or element it needs is missing or malformed."),
    SHS_DATA_PARTS_MISMATCH(ShsErrorCode.ILLEGAL_MESSAGE_STRUCTURE,
            "The message's data parts are not the ones its label's content declares: none, another number, more than "
                    + "16, or more than one in a synch request."),
    SHS_TRANSFER_ENCODING_UNSUPPORTED(ShsErrorCode.ILLEGAL_DATAPART_CONTENT,
            "A data part's Content-Transfer-Encoding is neither binary (7bit, 8bit) nor base64."),
    SHS_NO_DELIVERY_EXECUTION(ShsErrorCode.MISSING_DELIVERY_EXECUTION,
            "A synch request names an organisation none of whose mailboxes answers requests for this product from "
                    + "the sender, or a mailbox that answers none."),
    SHS_SYNCH_DATA_INVALID(ShsErrorCode.ILLEGAL_DATAPART_CONTENT,
            "The data part of a synch request is larger than a request may be (kurir.requests.max-size), or is "
                    + "neither JSON nor text."),

    SHS_SENDER_NOT_CALLER(ShsErrorCode.ILLEGAL_SENDER,
            "The label's from (or originator) is not the authenticated participant."),
    SHS_UNKNOWN_RECEIVER(ShsErrorCode.UNKNOWN_RECEIVER,
            "The label's to (or end-recipient) names no participant or mailbox in the registry."),
    SHS_UNKNOWN_SENDER(ShsErrorCode.UNKNOWN_SENDER,
            "The label's from or originator is an 8-digit legacy organisation number no participant is known by."),
    SHS_DELIVERY_ADDRESS_MISSING(ShsErrorCode.MISSING_DELIVERY_ADDRESS,
            "The label's to names the organisation only, and no agreement names the one mailbox it receives in."),
    SHS_UNKNOWN_PRODUCT_TYPE(ShsErrorCode.UNKNOWN_PRODUCT_TYPE,
            "The label's product is no SHS product type the registry maps to a Kurir product."),
    SHS_PARAMETER_INVALID(ShsErrorCode.OTHER_ERROR,
            "A delivery service parameter (outbox, txId, a list filter) has a value it does not allow; the detail "
                    + "names it."),
    SHS_MANAGEMENT_INVALID(ShsErrorCode.ILLEGAL_DATAPART_CONTENT,
            "A confirm or error message's shs.management is not well-formed, lacks its corr.id or content.id, or "
                    + "names no confirmation or no known SHS error code."),
    SHS_ADM_UNRELATED(ShsErrorCode.OTHER_ERROR,
            "A confirm or error message answers no message its sender received from the organisation it names, "
                    + "under that corr.id and content.id."),
    SHS_AGREEMENT_MISSING(ShsErrorCode.MISSING_AGREEMENT,
            "No agreement carries this product from the sender to the receiver over SHS (or not the one the "
                    + "label's shs.agreement names).");

    private final ShsErrorCode shsCode;
    private final String meaning;

    ShsProblem(ShsErrorCode shsCode, String meaning) {
        this.shsCode = shsCode;
        this.meaning = meaning;
    }

    ShsErrorCode shsCode() {
        return shsCode;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
