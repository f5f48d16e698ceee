package se.kurir.adapter.sdk;

import se.kurir.delivery.MessageState;

/**
 * A message's status as the MT–MK API reports it, from where the message is in Kurir. The sender sees its message
 * wait for the recipient's receipt, then ACCEPTED or REJECTED, or a MESSAGE_EXCHANGE_ERROR when it could not be
 * delivered; the recipient sees a message NEW until it has read it (RETRIEVED).
 */
enum SdkStatus {
    NEW, RETRIEVED, WAITING_FOR_RECEIPT, ACCEPTED, REJECTED, MESSAGE_EXCHANGE_ERROR, ERROR;

    static SdkStatus forSender(MessageState state) {
        return switch (state) {
            case HELD_FOR_REVIEW, ACCEPTED -> WAITING_FOR_RECEIPT;
            case DELIVERED, FETCHED, ACKNOWLEDGED -> ACCEPTED;
            case REJECTED -> REJECTED;
            case FAILED, QUARANTINED -> MESSAGE_EXCHANGE_ERROR;
        };
    }

    static SdkStatus forRecipient(MessageState state) {
        return switch (state) {
            case DELIVERED -> NEW;
            case FETCHED, ACKNOWLEDGED -> RETRIEVED;
            default -> ERROR;
        };
    }
}
