package se.kurir.adapter.jms;

/** A broker submission that cannot become a message; {@code code} is stable, the message names the property. */
final class BrokerSubmissionException extends RuntimeException {

    private final String code;

    BrokerSubmissionException(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
