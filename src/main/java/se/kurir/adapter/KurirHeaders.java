package se.kurir.adapter;

/** Header names on Kurir's broker messages. Part of the JMS/AMQP contract: clients may select on them. */
public final class KurirHeaders {

    public static final String MESSAGE_ID = "kurirMessageId";
    public static final String SENDER = "kurirSender";
    public static final String RECIPIENT = "kurirRecipient";
    public static final String PRODUCT = "kurirProduct";
    public static final String CORRELATION_ID = "kurirCorrelationId";
    public static final String PAYLOAD_SHA256 = "kurirPayloadSha256";

    /** Exchange property: the policy decision for the message in flight. */
    public static final String DECISION = "kurirDecision";

    private KurirHeaders() {
    }
}
