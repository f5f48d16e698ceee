package se.kurir.payload;

/** The payload exceeded the limit of its product; nothing of it was kept. */
public final class PayloadTooLargeException extends RuntimeException {

    private final long limit;

    PayloadTooLargeException(long limit) {
        super("payload exceeds the product's limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
