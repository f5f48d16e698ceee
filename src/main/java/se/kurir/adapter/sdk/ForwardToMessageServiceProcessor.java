package se.kurir.adapter.sdk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirHeaders;
import se.kurir.adapter.pipeline.FailedAttempt;
import se.kurir.adapter.pipeline.MailboxChannel;
import se.kurir.crypto.CertificateRegistry;
import se.kurir.crypto.KeyKind;
import se.kurir.crypto.NodeKeys;
import se.kurir.crypto.ParticipantCertificate;
import se.kurir.delivery.DeadLetters;
import se.kurir.delivery.MailboxDelivery;
import se.kurir.delivery.MessageRecord;
import se.kurir.payload.PayloadStore;
import se.kurir.registry.Mailbox;
import se.kurir.registry.Registry;
import se.kurir.security.OutboundTls;

/**
 * The delivery channel of kind {@code sdk}: a functional mailbox served by another SDK message service (another Kurir
 * node, or a message service behind an access point) gets each message sealed in an XHE envelope, signed with the
 * sender's RSA signing key this node holds and encrypted for the recipient's registered RSA encryption certificate,
 * and handed to that service's {@code /sdk/v1/envelopes}. An SDK message goes as it came; any other Kurir message is
 * first written as an SDK message with its payload as an attached file ({@link SdkWrapping}). The service's ACCEPTED
 * receipt lets the delivery be recorded; a REJECTED one, or none, is counted on the message and thrown, so the broker
 * retries with back-off and finally dead-letters, which the sender sees as MESSAGE_EXCHANGE_ERROR.
 */
@Component
final class ForwardToMessageServiceProcessor implements MailboxChannel {

    static final String KIND = "sdk";
    private static final XMLInputFactory XML = XMLInputFactory.newDefaultFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private final MailboxDelivery delivery;
    private final DeadLetters deadLetters;
    private final Registry registry;
    private final PayloadStore payloads;
    private final CertificateRegistry certificates;
    private final NodeKeys keys;
    private final SdkWrapping wrapping;
    private final Clock clock;
    private final HttpClient http;

    ForwardToMessageServiceProcessor(MailboxDelivery delivery, DeadLetters deadLetters, Registry registry,
            PayloadStore payloads, CertificateRegistry certificates, NodeKeys keys, SdkWrapping wrapping,
            Clock clock, OutboundTls tls) {
        this.delivery = delivery;
        this.deadLetters = deadLetters;
        this.registry = registry;
        this.payloads = payloads;
        this.certificates = certificates;
        this.keys = keys;
        this.wrapping = wrapping;
        this.clock = clock;
        this.http = tls.httpClient(Duration.ofSeconds(5)).build();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void check(Mailbox mailbox) {
        MailboxChannel.settings(mailbox).only("url");
        MailboxChannel.settings(mailbox).httpUrl("url");
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String messageId = exchange.getIn().getHeader(KurirHeaders.MESSAGE_ID, String.class);
        var waiting = delivery.startingAttempt(messageId);
        if (waiting.isEmpty()) {
            return;
        }
        MessageRecord message = waiting.get();
        URI service = URI.create(registry.mailbox(message.recipient()).orElseThrow().delivery().settings().get("url"));
        byte[] envelope = seal(message);
        HttpRequest request = HttpRequest.newBuilder(service).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofByteArray(envelope))
                .build();
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw failed(messageId, "no answer from the message service " + service.getHost() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(messageId, "interrupted while handing over to " + service.getHost());
        }
        if (answer.statusCode() != 200) {
            throw failed(messageId, "the message service " + service.getHost() + " answered HTTP "
                    + answer.statusCode() + (answer.statusCode() == 202 ? ", no receipt" : ""));
        }
        String response = responseCode(answer.body());
        if (!"ACCEPTED".equals(response)) {
            throw failed(messageId, "the message service " + service.getHost() + " answered with a receipt "
                    + response);
        }
    }

    /** The message as an SDK message, sealed: signed as its sender, encrypted for its recipient. */
    private byte[] seal(MessageRecord message) throws IOException {
        String sender = message.sender();
        String recipient = message.envelope().recipientParticipant();
        Instant now = clock.instant();
        var signer = certificates.signing(sender).stream()
                .filter(c -> c.statusAt(now) == ParticipantCertificate.Status.VALID)
                .filter(c -> "RSA".equals(c.certificate().getPublicKey().getAlgorithm()))
                .map(c -> Map.entry(c.certificate(), keys.privateKeyFor(c.certificate())))
                .filter(e -> e.getValue().isPresent()).findFirst();
        if (signer.isEmpty()) {
            throw failed(message.messageId(), "this node holds no valid RSA signing key of " + sender
                    + ", which SDK's envelope signature needs");
        }
        Optional<X509Certificate> encryption = certificates.currentEncryption(recipient, KeyKind.RSA)
                .map(ParticipantCertificate::certificate);
        if (encryption.isEmpty()) {
            throw failed(message.messageId(), recipient + " has no valid RSA encryption certificate registered");
        }
        byte[] sdk;
        try (InputStream in = payloads.open(message.payload().sha256())) {
            sdk = SdkMessage.MEDIA_TYPE.equals(message.mediaType()) ? in.readAllBytes()
                    : wrapping.wrap(message, in);
        }
        XheEnvelope.Header header = new XheEnvelope.Header(message.messageId(),
                SdkXmlWriter.CREATION_TIME.format(now), wrapping.address(sender), wrapping.address(recipient));
        PrivateKey key = signer.get().getValue().orElseThrow();
        return XheEnvelope.seal(sdk, header, encryption.get(), signer.get().getKey(), key);
    }

    /** The receipt's document-level response code: ACCEPTED or REJECTED. */
    private static String responseCode(byte[] receipt) {
        try {
            XMLStreamReader xml = XML.createXMLStreamReader(new ByteArrayInputStream(receipt));
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("ResponseCode")) {
                    return xml.getElementText().strip();
                }
            }
            return "without a response code";
        } catch (XMLStreamException e) {
            return "that is not XML";
        }
    }

    private FailedAttempt failed(String messageId, String error) {
        return FailedAttempt.recorded(deadLetters, messageId, error);
    }
}
