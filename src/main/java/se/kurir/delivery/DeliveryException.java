package se.kurir.delivery;

/**
 * A request about a message or mailbox that cannot be served. {@code code} is stable and becomes the problem answer's
 * code; {@code status} is the HTTP-like class of the failure, so adapters need not know each case.
 */
public final class DeliveryException extends RuntimeException {

    public enum Kind { NOT_FOUND, FORBIDDEN, CONFLICT }

    private final Kind kind;
    private final String code;

    DeliveryException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    static DeliveryException notFound(String what) {
        return new DeliveryException(Kind.NOT_FOUND, "NOT_FOUND", what + " not found");
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
