package se.kurir.payload;

/** The bytes received are not the payload the sender declared: truncated, padded or altered on the way. */
public final class PayloadDigestMismatchException extends RuntimeException {

    private final String declared;
    private final String received;
    private final long size;

    public PayloadDigestMismatchException(String declared, String received, long size) {
        super("sha256: the " + size + " bytes received have SHA-256 " + received + ", not the declared " + declared);
        this.declared = declared;
        this.received = received;
        this.size = size;
    }

    public String declared() {
        return declared;
    }

    public String received() {
        return received;
    }

    public long size() {
        return size;
    }
}
