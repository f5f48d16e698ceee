package se.kurir.registry;

/** The registry seed cannot be read or contradicts itself; start-up stops. */
public final class InvalidRegistrySeedException extends RuntimeException {

    InvalidRegistrySeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
