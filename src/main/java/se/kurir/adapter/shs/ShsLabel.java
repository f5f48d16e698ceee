package se.kurir.adapter.shs;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An {@code shs.label} (SHS 1.2) as read from a message or written for one: who sends what to whom, and the data
 * parts that follow it.
 *
 * @param txId the transfer's id, unique per message (lower case)
 * @param corrId shared by a request, its reply, and the confirm and error messages about them
 * @param agreement the SHS agreement the sender names, or null
 * @param originator the organisation on whose behalf the message is sent, or null
 * @param from the sending organisation or mailbox, or null (the originator sends)
 * @param to the receiving organisation or mailbox, or null (the agreements choose the receivers)
 * @param product the SHS product type, a UUID (lower case)
 * @param datetime when the sender made the message; a label without a zone is read as Swedish time
 */
record ShsLabel(String txId, String corrId, String agreement, TransferType transferType, String sequenceType,
        String status, ShsAddress originator, ShsAddress from, ShsAddress to, ShsAddress endRecipient, String product,
        List<Meta> meta, String subject, OffsetDateTime datetime, String contentId, String contentComment,
        List<DataPart> data) {

    ShsLabel {
        meta = List.copyOf(meta);
        data = List.copyOf(data);
    }

    enum TransferType {
        ASYNCH, SYNCH
    }

    /** A name/value pair the sender attaches to the message (repeatable, kept in order). */
    record Meta(String name, String value) {
    }

    /**
     * What the label says of one data part.
     *
     * @param bytes the part's size as the sender declared it, or null
     * @param records the number of records the sender declared, or null
     */
    record DataPart(String type, String filename, Long bytes, Long records) {
    }

    /** The sender as SHS identifies it: {@code from}, else the originator. */
    ShsAddress sender() {
        return from != null ? from : originator;
    }
}
