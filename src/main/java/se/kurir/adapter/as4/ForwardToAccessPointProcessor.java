package se.kurir.adapter.as4;

import com.helger.httpclient.HttpClientSettings;
import com.helger.mime.parse.MimeTypeParser;
import com.helger.phase4.messaging.http.HttpRetrySettings;
import org.apache.hc.core5.util.Timeout;
import com.helger.phase4.attachment.AS4OutgoingAttachment;
import com.helger.phase4.ebms3header.Ebms3Error;
import com.helger.phase4.model.MessageProperty;
import com.helger.phase4.sender.AS4Sender;
import com.helger.phase4.sender.EAS4UserMessageSendResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirHeaders;
import se.kurir.adapter.pipeline.ChannelSettings;
import se.kurir.adapter.pipeline.FailedAttempt;
import se.kurir.adapter.pipeline.MailboxChannel;
import se.kurir.delivery.DeadLetters;
import se.kurir.delivery.MailboxDelivery;
import se.kurir.delivery.MessageRecord;
import se.kurir.payload.PayloadStore;
import se.kurir.registry.Mailbox;
import se.kurir.registry.Registry;

/**
 * The delivery channel of kind {@code as4}: a mailbox served behind a partner access point gets each message as an
 * AS4 user message under the P-Mode its registry entry names ({@code delivery: {kind: as4, pmode: <id>}}), signed
 * with this node's AS4 key, encrypted for the partner's certificate, the payload as one attachment and the envelope
 * as message properties ({@link As4Envelopes}). The AS4 message id is derived from the Kurir message id, so a retry
 * is the same message to the partner's duplicate elimination. The partner's signed receipt lets the delivery be
 * recorded; anything else (the partner unreachable, an ebMS error, no receipt) is counted on the message and thrown,
 * so the broker retries with back-off and finally dead-letters.
 */
@Component
final class ForwardToAccessPointProcessor implements MailboxChannel {

    static final String KIND = "as4";

    private final As4AccessPoint accessPoint;
    private final As4Envelopes envelopes;
    private final MailboxDelivery delivery;
    private final DeadLetters deadLetters;
    private final Registry registry;
    private final PayloadStore payloads;

    ForwardToAccessPointProcessor(As4AccessPoint accessPoint, As4Envelopes envelopes, MailboxDelivery delivery,
            DeadLetters deadLetters, Registry registry, PayloadStore payloads) {
        this.accessPoint = accessPoint;
        this.envelopes = envelopes;
        this.delivery = delivery;
        this.deadLetters = deadLetters;
        this.registry = registry;
        this.payloads = payloads;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void check(Mailbox mailbox) {
        Map<String, String> settings = ChannelSettings.only(mailbox, KIND, "pmode");
        if (!accessPoint.enabled()) {
            throw new IllegalArgumentException("Mailbox " + mailbox.address() + ": delivery kind as4 needs the AS4 "
                    + "bridge, and kurir.as4.party-id is blank");
        }
        String pmode = settings.get("pmode");
        if (pmode == null || accessPoint.partner(pmode).isEmpty()) {
            throw new IllegalArgumentException("Mailbox " + mailbox.address() + ": delivery.pmode must name one of "
                    + "kurir.as4.pmodes; was " + pmode);
        }
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String messageId = exchange.getIn().getHeader(KurirHeaders.MESSAGE_ID, String.class);
        var waiting = delivery.startingAttempt(messageId);
        if (waiting.isEmpty()) {
            return;
        }
        MessageRecord message = waiting.get();
        String pmodeId = registry.mailbox(message.recipient()).orElseThrow().delivery().settings().get("pmode");
        As4AccessPoint.Partner partner = accessPoint.partner(pmodeId).orElseThrow();
        Path file = copyOfPayload(message);
        try {
            send(message, partner, file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void send(MessageRecord message, As4AccessPoint.Partner partner, Path file) {
        As4Properties.PModeSettings settings = partner.settings();
        List<Ebms3Error> errors = new CopyOnWriteArrayList<>();
        var builder = AS4Sender.builderUserMessage()
                .as4ProfileID(Phase4Runtime.PROFILE_ID)
                .cryptoFactory(accessPoint.crypto())
                .pmode(partner.outbound())
                .httpClientFactory(new HttpClientSettings().setConnectTimeout(Timeout.ofSeconds(5))
                        .setResponseTimeout(Timeout.ofMilliseconds(accessPoint.timeout().toMillis())))
                // The broker retries, with back-off and a dead-letter at the end; phase4 must not retry inside it.
                .httpRetrySettings(new HttpRetrySettings().setMaxRetries(0))
                .fromPartyIDType(accessPoint.partyIdType()).fromPartyID(accessPoint.partyId())
                .fromRole(partner.outbound().getInitiator().getRole())
                .toPartyIDType(accessPoint.partyIdType()).toPartyID(settings.partnerPartyId())
                .toRole(partner.outbound().getResponder().getRole())
                .service(settings.service()).action(settings.action())
                .messageID(envelopes.as4MessageId(message.messageId(), accessPoint.partyId()))
                .conversationID(conversation(message))
                .receiverCertificate(partner.certificate())
                .endpointURL(settings.partnerUrl())
                .signalMsgConsumer((signal, metadata, state) -> errors.addAll(signal.getError()))
                .addAttachment(AS4OutgoingAttachment.builder().data(file.toFile())
                        .mimeType(MimeTypeParser.safeParseMimeType(message.mediaType()))
                        .filename(message.messageId()));
        if (message.envelope().inReplyTo() != null) {
            builder.refToMessageID(envelopes.as4MessageId(message.envelope().inReplyTo(), settings.partnerPartyId()));
        }
        envelopes.properties(message.sender(), message.envelope()).forEach((name, value) -> builder
                .addMessageProperty(MessageProperty.builder().name(name).value(value).type(type(name))));
        EAS4UserMessageSendResult result = builder.sendMessageAndCheckForReceipt();
        if (result != EAS4UserMessageSendResult.SUCCESS) {
            throw failed(message.messageId(), "partner " + settings.partnerPartyId() + " (" + settings.partnerUrl()
                    + "): " + result.name() + errors.stream().map(e -> " " + e.getErrorCode() + " "
                    + e.getErrorDetail()).findFirst().orElse(""));
        }
    }

    private static String type(String property) {
        return switch (property) {
            case As4Envelopes.ORIGINAL_SENDER -> As4Envelopes.ORGANISATION_NUMBER;
            case As4Envelopes.FINAL_RECIPIENT -> As4Envelopes.MAILBOX;
            default -> null;
        };
    }

    private static String conversation(MessageRecord message) {
        if (message.envelope().conversationId() != null) {
            return message.envelope().conversationId();
        }
        return message.envelope().correlationId() != null ? message.envelope().correlationId() : message.messageId();
    }

    /**
     * phase4 reads an attachment from a file; the copy is readable by this process only and deleted as soon as the
     * hand-over ends, and it is what the payload store already holds (Kurir never stores more plaintext than that).
     */
    private Path copyOfPayload(MessageRecord message) throws IOException {
        Path file = Files.createTempFile("kurir-as4-", ".payload",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (InputStream in = payloads.open(message.payload().sha256())) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | UncheckedIOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    private FailedAttempt failed(String messageId, String error) {
        return FailedAttempt.recorded(deadLetters, messageId, error);
    }
}
