package se.kurir.adapter.sftp;

import se.kurir.envelope.Envelope;

/**
 * One data file of an outbox and what the gateway knows of it: the envelope its manifest gave (ids assigned, so a
 * pickup repeated after a crash is the same message), or why it is refused.
 */
record FilePickup(String outbox, String fileName, String pickupId, State state, Envelope envelope, String reasonCode,
        String reason, String messageId) {

    enum State { WAITING, REFUSED, SENT }

    static FilePickup waiting(String outbox, String fileName, String pickupId, Envelope envelope) {
        return new FilePickup(outbox, fileName, pickupId, State.WAITING, envelope, null, null, null);
    }

    /** A data file whose manifest could not be read: there is no envelope, only the refusal to come. */
    static FilePickup unreadable(String outbox, String fileName, String pickupId) {
        return new FilePickup(outbox, fileName, pickupId, State.WAITING, null, null, null, null);
    }

    FilePickup refusing(String code, String why) {
        return new FilePickup(outbox, fileName, pickupId, State.REFUSED, envelope, code, why, messageId);
    }

    FilePickup sent(String id) {
        return new FilePickup(outbox, fileName, pickupId, State.SENT, envelope, null, null, id);
    }

    /** Where the data file and its manifest go once handled: archive/ or error/, one folder per pickup. */
    String folder() {
        return (state == State.REFUSED ? "error/" : "archive/") + pickupId;
    }
}
