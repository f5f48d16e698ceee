package se.kurir.adapter.shs;

import java.time.Instant;
import se.kurir.delivery.MessageRecord;

/**
 * A confirm or error message (sequence-type adm) waiting in an SHS sender's outbox: from and to of the message it
 * answers swapped, the same corr.id and content.id, and an {@code shs.management} body. It is derived from a receipt
 * of that message, so it holds nothing the receipt does not.
 *
 * @param answered the message it answers, as its sender sent it
 * @param errorCode for an error message, the SHS error code; null for a confirm
 * @param errorInfo for an error message, why, in words and the gateway's reason code; never content
 */
record ShsAdmMessage(String txId, Kind kind, MessageRecord answered, String outbox, ShsErrorCode errorCode,
        String errorInfo, Instant issuedAt, boolean acknowledged) {

    enum Kind {
        CONFIRM("confirm"), ERROR("error");

        private final String product;

        Kind(String product) {
            this.product = product;
        }

        /** The special SHS product an adm message of this kind carries. */
        String product() {
            return product;
        }
    }
}
