package se.kurir.payload;

/** No payload with that digest is in the store. */
public final class PayloadNotFoundException extends RuntimeException {

    PayloadNotFoundException(String sha256) {
        super("no payload " + sha256);
    }
}
