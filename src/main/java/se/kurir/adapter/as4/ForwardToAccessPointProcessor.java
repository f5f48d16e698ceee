package se.kurir.adapter.as4;

import com.helger.httpclient.HttpClientSettings;
import com.helger.mime.parse.MimeTypeParser;
import com.helger.phase4.messaging.http.HttpRetrySettings;
import org.apache.hc.core5.util.Timeout;
import com.helger.phase4.attachment.AS4OutgoingAttachment;
import com.helger.phase4.ebms3header.Ebms3Error;
import com.helger.phase4.sender.AS4Sender;
import com.helger.phase4.sender.EAS4UserMessageSendResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirHeaders;
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
        String pmode = MailboxChannel.settings(mailbox).only("pmode").get("pmode");
        if (!accessPoint.enabled()) {
            throw new IllegalArgumentException("delivery kind as4 needs the AS4 bridge, and kurir.as4.party-id is "
                    + "blank");
        }
        if (pmode == null || accessPoint.partner(pmode).isEmpty()) {
            throw new IllegalArgumentException("delivery.pmode must name one of kurir.as4.pmodes; was " + pmode);
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
        As4Properties.PModeSettings settings = partner.settings();
        As4Envelopes.Outgoing header = envelopes.outgoing(message, accessPoint.partyId());
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
                .messageID(header.messageId())
                .conversationID(header.conversationId())
                .messageProperties(header.properties())
                .receiverCertificate(partner.certificate())
                .endpointURL(settings.partnerUrl())
                .signalMsgConsumer((signal, metadata, state) -> errors.addAll(signal.getError()))
                .addAttachment(attachment(message));
        EAS4UserMessageSendResult result = builder.sendMessageAndCheckForReceipt();
        if (result != EAS4UserMessageSendResult.SUCCESS) {
            throw failed(message.messageId(), "partner " + settings.partnerPartyId() + " (" + settings.partnerUrl()
                    + "): " + result.name() + errors.stream().map(e -> " " + e.getErrorCode() + " "
                    + e.getErrorDetail()).findFirst().orElse(""));
        }
    }

    /**
     * The payload as phase4 reads it: a large one from the payload store's own file, never copied; a small one, which
     * the store keeps in the database, as its bytes (at most {@code kurir.payload.inline-max-size}).
     */
    private AS4OutgoingAttachment.Builder attachment(MessageRecord message) throws IOException {
        AS4OutgoingAttachment.Builder attachment = AS4OutgoingAttachment.builder()
                .mimeType(MimeTypeParser.safeParseMimeType(message.mediaType())).filename(message.messageId());
        String sha256 = message.payload().sha256();
        Optional<Path> file = payloads.file(sha256);
        if (file.isPresent()) {
            return attachment.data(file.get().toFile());
        }
        try (InputStream in = payloads.open(sha256)) {
            return attachment.data(in.readAllBytes());
        }
    }

    private FailedAttempt failed(String messageId, String error) {
        return FailedAttempt.recorded(deadLetters, messageId, error);
    }
}
