package se.kurir.adapter.http;

/** One push attempt did not end in a 2xx answer. The broker transaction rolls back and the broker retries. */
public final class PushFailedException extends RuntimeException {

    PushFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
