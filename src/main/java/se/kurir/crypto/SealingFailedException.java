package se.kurir.crypto;

/** A seal could not be made or opened for a technical reason (a broken key, an unsupported algorithm). */
public class SealingFailedException extends RuntimeException {

    public SealingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
