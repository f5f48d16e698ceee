package se.kurir.adapter.sftp;

import se.kurir.envelope.Envelope;
import se.kurir.problem.ProblemCode;

/**
 * One data file of an outbox and what the gateway knows of it: the envelope its manifest gave (ids assigned, so a
 * pickup repeated after a crash is the same message), or why it is refused.
 */
record FilePickup(String outbox, String fileName, String pickupId, State state, Envelope envelope, String reasonCode,
        String reason, String messageId) {

    /**
     * WAITING: the manifest is read, the data file is to be sent. REFUSED: the manifest was refused, the data file is
     * still to be moved to error/. SENT and FAILED are final: the data file was archived, or moved to error/ after
     * it was read. Only WAITING and REFUSED let the data route take a file, so next month's file of the same name,
     * uploaded before its manifest, is left alone.
     */
    enum State { WAITING, REFUSED, SENT, FAILED }

    static FilePickup waiting(String outbox, String fileName, String pickupId, Envelope envelope) {
        return new FilePickup(outbox, fileName, pickupId, State.WAITING, envelope, null, null, null);
    }

    /** A data file whose manifest could not be read: there is no envelope, only the refusal to come. */
    static FilePickup unreadable(String outbox, String fileName, String pickupId) {
        return new FilePickup(outbox, fileName, pickupId, State.WAITING, null, null, null, null);
    }

    /** Refused when its manifest was read: the data file is yet to follow into error/. */
    FilePickup refusing(ProblemCode code, String why) {
        return new FilePickup(outbox, fileName, pickupId, State.REFUSED, envelope, code.name(), why, messageId);
    }

    /** Refused with its data file in hand (too large, digest, policy): final. */
    FilePickup failing(ProblemCode code, String why) {
        return new FilePickup(outbox, fileName, pickupId, State.FAILED, envelope, code.name(), why, messageId);
    }

    /** A refused pickup whose data file is now on its way to error/. */
    FilePickup closed() {
        return new FilePickup(outbox, fileName, pickupId, State.FAILED, envelope, reasonCode, reason, messageId);
    }

    boolean takesDataFile() {
        return state == State.WAITING || state == State.REFUSED;
    }

    FilePickup sent(String id) {
        return new FilePickup(outbox, fileName, pickupId, State.SENT, envelope, null, null, id);
    }

    /** Where the data file and its manifest go once handled: archive/ or error/, one folder per pickup. */
    String folder() {
        return (state == State.REFUSED || state == State.FAILED ? "error/" : "archive/") + pickupId;
    }
}
