package se.kurir.adapter.sdk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import se.kurir.adapter.pipeline.PipelineIngress;
import se.kurir.crypto.NodeKeys;
import se.kurir.crypto.OrganisationNumbers;
import se.kurir.crypto.TrustAnchors;
import se.kurir.delivery.IntakeResult;
import se.kurir.delivery.MessageIntake;
import se.kurir.delivery.MessageState;
import se.kurir.delivery.Submission;
import se.kurir.envelope.Envelope;
import se.kurir.payload.PayloadStore;
import se.kurir.payload.StoredPayload;
import se.kurir.policy.RejectionCode;
import se.kurir.registry.Participant;

/**
 * An SDK message arriving from an access point, as the receiving message service takes it: the XHE envelope's
 * signature is verified before anything is decrypted, then the message is checked (schema, rules), bound to its
 * sender (the envelope's parties must be the message's, and the signer must be the sending organisation), mapped to an
 * envelope and submitted to the one pipeline. The answer is the receipt SDK owes: ACCEPTED, REJECTED with its line
 * responses, or none where SDK sends none (an unreadable envelope, a payload this node cannot decrypt, an unknown
 * recipient).
 */
@Component
class SdkInbound {

    static final String CHANNEL = "SDK-AP";
    /** An XHE envelope holds a 30 MB message base64-encoded and encrypted: a third more, and the header. */
    private static final int ENVELOPE_LIMIT = 45 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(SdkInbound.class);

    private final TrustAnchors anchors;
    private final NodeKeys keys;
    private final PayloadStore payloads;
    private final MessageIntake intake;
    private final SdkMessageReader reader;
    private final SdkEnvelopes envelopes;
    private final PipelineIngress pipeline;
    private final Clock clock;

    SdkInbound(TrustAnchors anchors, NodeKeys keys, PayloadStore payloads, MessageIntake intake,
            SdkMessageReader reader, SdkEnvelopes envelopes, PipelineIngress pipeline, Clock clock) {
        this.anchors = anchors;
        this.keys = keys;
        this.payloads = payloads;
        this.intake = intake;
        this.reader = reader;
        this.envelopes = envelopes;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    /** @return the receipt, or empty where SDK gives none */
    Optional<SdkReceipt> receive(InputStream envelope) {
        byte[] xhe = read(envelope);
        XheEnvelope.Opened opened = XheEnvelope.open(xhe, anchors.certificates(), clock.instant(),
                keys::privateKeyFor);
        if (opened instanceof XheEnvelope.Opened.Refused refused) {
            return Optional.of(receipt(refused.header(), refused.issues()));
        }
        if (opened instanceof XheEnvelope.Opened.Message message) {
            return admit(message);
        }
        log.info("An SDK envelope gets no receipt: {}", ((XheEnvelope.Opened.Unanswered) opened).reason());
        return Optional.empty();
    }

    private Optional<SdkReceipt> admit(XheEnvelope.Opened.Message opened) {
        StoredPayload stored = payloads.store(new ByteArrayInputStream(opened.sdkMessage()), ENVELOPE_LIMIT);
        try {
            SdkMessageReader.Result checked = reader.read(() -> payloads.open(stored.sha256()));
            if (!checked.valid()) {
                intake.discardUnreferenced(stored);
                return Optional.of(receipt(opened.header(), checked.issues()));
            }
            SdkMessage message = checked.message();
            XheEnvelope.Header header = opened.header();
            if (!message.senderOrganisation().equals(header.from())
                    || !message.recipientOrganisation().equals(header.to())) {
                intake.discardUnreferenced(stored);
                return Optional.of(receipt(header, List.of(SdkIssue.rule("/XHE/Header", "the envelope's parties "
                        + "are not the message's sender and recipient"))));
            }
            Optional<Participant> sender = envelopes.participant(message.senderOrganisation());
            Optional<String> signer = OrganisationNumbers.fromSubject(opened.signer().getSubjectX500Principal());
            if (sender.isEmpty() || signer.isEmpty() || !signer.get().equals(sender.get().orgNumber())) {
                intake.discardUnreferenced(stored);
                return Optional.of(receipt(header, List.of(new SdkIssue(SdkIssue.Kind.SIG, "/XHE/Signature/KeyInfo",
                        "security", "the envelope is not signed by the sending organisation"))));
            }
            Envelope envelope;
            try {
                envelope = envelopes.toEnvelope(message, sender.get().orgNumber());
            } catch (SdkException e) {
                intake.discardUnreferenced(stored);
                if (e.code() == SdkProblem.SDK_RECIPIENT_UNKNOWN) {
                    return Optional.empty(); // SDK answers an unknown recipient with no receipt
                }
                return Optional.of(receipt(header, List.of(new SdkIssue(SdkIssue.Kind.BV, "NA",
                        e.status() == HttpStatus.FORBIDDEN ? "forbidden" : "invariant", e.code().name()))));
            }
            IntakeResult result = pipeline.submit(new Submission(sender.get().orgNumber(), envelope, stored,
                    SdkMessage.MEDIA_TYPE, CHANNEL));
            if (result.admission() == MessageState.REJECTED) {
                RejectionCode code = RejectionCode.valueOf(result.message().reasonCode());
                return Optional.of(receipt(header, List.of(new SdkIssue(SdkIssue.Kind.BV, "NA", "forbidden",
                        code.name() + ": " + code.meaning()))));
            }
            return Optional.of(receipt(header, List.of()));
        } catch (RuntimeException e) {
            intake.discardUnreferenced(stored);
            throw e;
        }
    }

    /** The receiving organisation answers the sending one, naming the message by the envelope's id. */
    private SdkReceipt receipt(XheEnvelope.Header header, List<SdkIssue> issues) {
        String id = UUID.nameUUIDFromBytes(("urn:kurir:sdk-receipt:" + header.id())
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new SdkReceipt(id, clock.instant(), header.to(), header.from(), header.id(), issues);
    }

    private static byte[] read(InputStream envelope) {
        try (InputStream in = envelope) {
            byte[] bytes = in.readNBytes(ENVELOPE_LIMIT + 1);
            if (bytes.length > ENVELOPE_LIMIT) {
                throw new SdkException(SdkProblem.SDK_MESSAGE_INVALID, HttpStatus.PAYLOAD_TOO_LARGE, "body: the "
                        + "envelope is larger than an SDK message may be");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
