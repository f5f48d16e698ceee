package se.kurir.privacy;

/** A re-identification request that cannot be answered; {@code code} is stable, the message names the field. */
public class ReversalRefusedException extends RuntimeException {

    private final String code;

    public ReversalRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
