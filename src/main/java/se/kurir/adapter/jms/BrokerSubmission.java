package se.kurir.adapter.jms;

/** The message properties of a broker submission and of an outbox delivery: the broker-side contract. */
final class BrokerSubmission {

    /** The envelope as JSON (xsd/envelope.schema.json); required on a submission. */
    static final String ENVELOPE = "kurirEnvelope";
    /** The payload's media type; application/octet-stream when absent. */
    static final String MEDIA_TYPE = "kurirMediaType";
    static final String MESSAGE_ID = "kurirMessageId";
    static final String SENDER = "kurirSender";
    static final String PRODUCT = "kurirProduct";
    /** A published event's place in its feed (on the route only). */
    static final String SEQUENCE = "kurirSequence";
    static final String SHA256 = "kurirSha256";
    /** On a refusal notice: the stable code and the detail naming the field. */
    static final String REFUSAL_CODE = "kurirCode";
    static final String REFUSAL_DETAIL = "kurirDetail";
    static final String ORIGINAL_JMS_MESSAGE_ID = "kurirOriginalJmsMessageId";

    private BrokerSubmission() {
    }
}
