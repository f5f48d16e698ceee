package se.kurir.payload;

/** A chunk or completion the upload cannot take; nothing already received is lost. */
public final class UploadException extends RuntimeException {

    public enum Kind { NOT_FOUND, OFFSET_MISMATCH, BUSY }

    private final Kind kind;
    private final long received;

    UploadException(Kind kind, long received, String message) {
        super(message);
        this.kind = kind;
        this.received = received;
    }

    public Kind kind() {
        return kind;
    }

    /** The offset the upload has reached, so the client knows where to resume. */
    public long received() {
        return received;
    }
}
