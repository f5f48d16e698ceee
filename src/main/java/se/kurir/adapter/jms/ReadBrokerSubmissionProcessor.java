package se.kurir.adapter.jms;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsMessage;
import org.springframework.stereotype.Component;
import se.kurir.delivery.MessageIntake;
import se.kurir.delivery.Submission;
import se.kurir.envelope.Envelope;
import se.kurir.envelope.EnvelopeProblem;
import se.kurir.envelope.JsonEnvelopeReader;
import se.kurir.payload.PayloadMediaType;
import se.kurir.payload.PayloadStore;
import se.kurir.payload.PayloadTooLargeException;
import se.kurir.payload.StoredPayload;
import se.kurir.registry.Product;
import se.kurir.registry.Registry;

/**
 * Turns a broker submission into a {@link Submission}: the envelope from the {@code kurirEnvelope} property,
         the payload
 * streamed from the bytes body into the store. The sender is the participant whose ingress address it came from,
 * which only that participant may send to.
 */
@Component
class ReadBrokerSubmissionProcessor implements Processor {

    static final String SENDER = "kurirBrokerSender";

    private final JsonEnvelopeReader envelopes;
    private final Registry registry;
    private final PayloadStore payloads;
    private final MessageIntake intake;
    private final long maxMessageSize;

    ReadBrokerSubmissionProcessor(JsonEnvelopeReader envelopes, Registry registry, PayloadStore payloads,
            MessageIntake intake, BrokerProperties properties) {
        this.envelopes = envelopes;
        this.registry = registry;
        this.payloads = payloads;
        this.intake = intake;
        this.maxMessageSize = properties.maxMessageSize().toBytes();
    }

    @Override
    public void process(Exchange exchange) throws JMSException {
        String sender = exchange.getIn().getHeader(SENDER, String.class);
        Message jms = exchange.getIn(JmsMessage.class).getJmsMessage();
        String envelopeJson = jms.getStringProperty(BrokerSubmission.ENVELOPE);
        if (envelopeJson == null) {
            throw new BrokerSubmissionException(EnvelopeProblem.ENVELOPE_MISSING,
                    BrokerSubmission.ENVELOPE + ": the property is required (the envelope as JSON)");
        }
        // Without a client id, one derived from the broker's message id: a redelivery after a crash is a duplicate.
        Envelope envelope = envelopes.read(envelopeJson.getBytes(StandardCharsets.UTF_8)).withAssignedIds(
                UUID.nameUUIDFromBytes(("broker:" + sender + ":" + jms.getJMSMessageID())
                        .getBytes(StandardCharsets.UTF_8)).toString());
        if (!(jms instanceof BytesMessage body)) {
            throw new BrokerSubmissionException(BrokerProblem.PAYLOAD_NOT_BYTES,
                    "body: send the payload as a bytes message (JMS BytesMessage, AMQP data section)");
        }
        String mediaType = PayloadMediaType.check(BrokerSubmission.MEDIA_TYPE,
                jms.getStringProperty(BrokerSubmission.MEDIA_TYPE));
        exchange.getIn().setBody(new Submission(sender, envelope, store(sender, envelope, body), mediaType,
                "BROKER"));
    }

    private StoredPayload store(String sender, Envelope envelope, BytesMessage body) {
        long limit = Math.min(maxMessageSize, registry.product(envelope.product()).map(Product::maxPayloadBytes)
                .orElse(payloads.defaultLimit()));
        try {
            return payloads.store(new BytesMessageInputStream(body), limit);
        } catch (PayloadTooLargeException e) {
            intake.refuseOversize(sender, envelope, limit, "BROKER");
            throw e;
        }
    }
}
