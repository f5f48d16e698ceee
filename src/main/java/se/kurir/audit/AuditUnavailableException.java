package se.kurir.audit;

/** An audit record could not be committed. Nothing that depends on it may proceed. */
public final class AuditUnavailableException extends RuntimeException {

    AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
