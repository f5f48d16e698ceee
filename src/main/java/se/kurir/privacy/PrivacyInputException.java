package se.kurir.privacy;

/**
 * A payload the privacy step cannot transform as its plan says: not JSON, or a field that is not what the plan
 * expects. The message is rejected (and kept, as every rejected message); the message names the field, never its
 * value.
 */
public class PrivacyInputException extends RuntimeException {

    public PrivacyInputException(String message) {
        super(message);
    }
}
