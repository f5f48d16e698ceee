package se.kurir.adapter.as4;

import com.helger.collection.commons.ICommonsList;
import com.helger.http.header.HttpHeaderMap;
import com.helger.phase4.attachment.WSS4JAttachment;
import com.helger.phase4.ebms3header.Ebms3Error;
import com.helger.phase4.ebms3header.Ebms3Property;
import com.helger.phase4.ebms3header.Ebms3SignalMessage;
import com.helger.phase4.ebms3header.Ebms3UserMessage;
import com.helger.phase4.error.AS4ErrorList;
import com.helger.phase4.incoming.IAS4IncomingMessageMetadata;
import com.helger.phase4.incoming.IAS4IncomingMessageState;
import com.helger.phase4.incoming.spi.AS4MessageProcessorResult;
import com.helger.phase4.incoming.spi.AS4SignalMessageProcessorResult;
import com.helger.phase4.incoming.spi.IAS4IncomingMessageProcessorSPI;
import com.helger.phase4.model.error.EEbmsError;
import com.helger.phase4.model.pmode.IPMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Node;
import se.kurir.adapter.pipeline.PipelineIngress;
import se.kurir.audit.Refusals;
import se.kurir.delivery.IntakeResult;
import se.kurir.delivery.MessageIntake;
import se.kurir.delivery.MessageState;
import se.kurir.delivery.Submission;
import se.kurir.envelope.Envelope;
import se.kurir.payload.PayloadStore;
import se.kurir.payload.PayloadTooLargeException;
import se.kurir.payload.StoredPayload;
import se.kurir.policy.RejectionCode;
import se.kurir.registry.Registry;

/**
 * A user message phase4 has verified and decrypted, taken into the one pipeline: it must be signed with the
 * certificate of the partner its P-Mode names (phase4 only checks that some trusted key signed it) and encrypted, it
 * carries exactly one payload, and its envelope is mapped and submitted like any other. A message the pipeline
 * rejects is recorded and audited as rejected and answered with an ebMS error naming the rejection; one refused
 * before it (wrong signer, a sender or recipient the P-Mode does not allow) is audited as a refused request, its
 * metadata only, and answered likewise, so the partner keeps it; an accepted one, and a repeat of it, gets the signed
 * receipt.
 */
@Component
class As4Inbound implements IAS4IncomingMessageProcessorSPI {

    static final String CHANNEL = "AS4";
    private static final Pattern FIELD = Pattern.compile("([A-Za-z][A-Za-z.]*): ");
    private static final Logger log = LoggerFactory.getLogger(As4Inbound.class);

    private final As4AccessPoint accessPoint;
    private final As4Envelopes envelopes;
    private final Registry registry;
    private final PayloadStore payloads;
    private final MessageIntake intake;
    private final PipelineIngress pipeline;
    private final Refusals refusals;

    As4Inbound(As4AccessPoint accessPoint, As4Envelopes envelopes, Registry registry, PayloadStore payloads,
            MessageIntake intake, PipelineIngress pipeline, Refusals refusals) {
        this.accessPoint = accessPoint;
        this.envelopes = envelopes;
        this.registry = registry;
        this.payloads = payloads;
        this.intake = intake;
        this.pipeline = pipeline;
        this.refusals = refusals;
    }

    @Override
    public AS4MessageProcessorResult processAS4UserMessage(IAS4IncomingMessageMetadata metadata,
            HttpHeaderMap headers, Ebms3UserMessage message, IPMode pmode, Node soapBodyPayload,
            ICommonsList<WSS4JAttachment> attachments, IAS4IncomingMessageState state, AS4ErrorList errors) {
        String as4Id = message.getMessageInfo().getMessageId();
        try {
            As4AccessPoint.Partner partner = accessPoint.partner(pmode.getID()).orElseThrow(() ->
                    As4Refusal.notAuthorised("PMode: " + pmode.getID() + " is no P-Mode of this access point"));
            checkProtection(partner, state);
            if (attachments == null || attachments.size() != 1 || soapBodyPayload != null) {
                throw As4Refusal.invalid("PayloadInfo: a Kurir message is exactly one payload, as an attachment");
            }
            admit(received(message, partner), partner, attachments.get(0));
            return AS4MessageProcessorResult.createSuccess();
        } catch (As4Refusal refusal) {
            log.info("AS4 message {} refused: {}", as4Id, refusal.getMessage());
            errors.add(refusal.error().errorBuilder(Locale.ROOT).refToMessageInError(as4Id)
                    .errorDetail(refusal.getMessage()).build());
            return AS4MessageProcessorResult.createFailure();
        }
    }

    private static void checkProtection(As4AccessPoint.Partner partner, IAS4IncomingMessageState state) {
        if (!state.isSoapSignatureChecked() || !partner.certificate().equals(state.getSigningCertificate())) {
            throw As4Refusal.notAuthorised("Signature: the message is not signed with the certificate of partner "
                    + partner.settings().partnerPartyId());
        }
        if (!state.isSoapDecrypted()) {
            throw As4Refusal.invalid("EncryptedData: the P-Mode asks for an encrypted payload");
        }
    }

    private As4Envelopes.Received received(Ebms3UserMessage message, As4AccessPoint.Partner partner) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (message.getMessageProperties() != null) {
            for (Ebms3Property property : message.getMessageProperties().getProperty()) {
                properties.put(property.getName(), property.getValue());
            }
        }
        return new As4Envelopes.Received(message.getMessageInfo().getMessageId(),
                message.getCollaborationInfo().getConversationId(), partner.settings().partnerPartyId(), properties);
    }

    private void admit(As4Envelopes.Received received, As4AccessPoint.Partner partner, WSS4JAttachment payload) {
        Envelope envelope = envelopes.toEnvelope(received, partner.settings());
        long limit = registry.product(envelope.product()).orElseThrow().maxPayloadBytes();
        String sender = received.properties().get(As4Envelopes.ORIGINAL_SENDER);
        StoredPayload stored;
        try (InputStream in = payload.getSourceStream()) {
            stored = payloads.store(in, limit);
        } catch (IOException e) {
            throw As4Refusal.invalid("payload: unreadable (" + e.getMessage() + ")");
        } catch (PayloadTooLargeException e) {
            intake.refuseOversize(sender, envelope, limit, CHANNEL);
            throw As4Refusal.rejected("payload: larger than the " + limit + " bytes product " + envelope.product()
                    + " allows");
        }
        IntakeResult result;
        try {
            result = pipeline.submit(new Submission(sender, envelope, stored, mediaType(payload), CHANNEL));
        } catch (RuntimeException e) {
            intake.discardUnreferenced(stored);
            throw As4Refusal.rejected("envelope: " + e.getMessage());
        }
        if (result.admission() == MessageState.REJECTED) {
            RejectionCode code = RejectionCode.valueOf(result.message().reasonCode());
            throw As4Refusal.rejected("rejected " + code.name() + ": " + code.meaning() + " (Kurir message "
                    + result.messageId() + ")");
        }
    }

    private static String mediaType(WSS4JAttachment payload) {
        String type = payload.getUncompressedMimeType();
        return type == null || type.isBlank() ? "application/octet-stream" : type;
    }

    /**
     * Audits the ebMS errors a user message is answered with, whether phase4 found them (a signature that does not
     * verify, a P-Mode nobody agreed) or this class did: the refused request's metadata, never its payload. A
     * rejection by the pipeline (EBMS:0004) is recorded there already.
     */
    void refused(IAS4IncomingMessageState state, AS4ErrorList errors) {
        String partner = state.getPMode() == null ? "unknown" : state.getPMode().getInitiator().getIDValue();
        errors.forEach(error -> {
            Ebms3Error ebms = error.getEbmsError();
            if (!EEbmsError.EBMS_OTHER.getErrorCode().equals(ebms.getErrorCode())) {
                refusals.record("as4:" + partner, CHANNEL, ebms.getErrorCode(), field(ebms.getErrorDetail()),
                        "POST /as4 " + Objects.requireNonNullElse(ebms.getRefToMessageInError(), state.getMessageID()));
            }
        });
    }

    /** The field this class's refusals start with ({@code originalSender: ...}); phase4's name none. */
    private static String field(String detail) {
        Matcher field = FIELD.matcher(detail == null ? "" : detail);
        return field.lookingAt() ? field.group(1) : "";
    }

    @Override
    public AS4SignalMessageProcessorResult processAS4SignalMessage(IAS4IncomingMessageMetadata metadata,
            HttpHeaderMap headers, Ebms3SignalMessage signal, IPMode pmode, IAS4IncomingMessageState state,
            AS4ErrorList errors) {
        // Receipts come back on the connection the message went out on (reply pattern RESPONSE); the sender reads
        // them there, so a signal arriving on its own is answered and otherwise ignored.
        return AS4SignalMessageProcessorResult.createSuccess();
    }

    @Override
    public void processAS4ResponseMessage(IAS4IncomingMessageMetadata metadata, IAS4IncomingMessageState state,
            String responseMessageId, byte[] response, boolean responsePayloadAvailable, AS4ErrorList errors) {
        // Nothing to keep: the response is the receipt or error already sent back.
    }
}
