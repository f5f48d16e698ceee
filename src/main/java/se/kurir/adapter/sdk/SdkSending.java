package se.kurir.adapter.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import se.kurir.adapter.pipeline.PipelineIngress;
import se.kurir.delivery.IntakeResult;
import se.kurir.delivery.MessageIntake;
import se.kurir.delivery.Submission;
import se.kurir.envelope.Envelope;
import se.kurir.payload.PayloadStore;
import se.kurir.payload.PayloadTooLargeException;
import se.kurir.payload.StoredPayload;
import se.kurir.registry.Product;
import se.kurir.registry.Registry;

/**
 * Sending through the MT–MK API: the agency system's JSON:API document is kept in the store while the SDK message it
 * describes is written from it (streamed, in schema order), the message is checked as a receiving message service
 * checks it, mapped to an envelope and submitted to the one pipeline. The SDK message is the payload, under SDK's size
 * limit (the product's); the JSON is gone once the message is written. Whatever is refused leaves nothing behind.
 */
@Component
class SdkSending {

    static final String CHANNEL = "SDK";
    /** Room for the JSON around the message's base64: names, quotes and escapes. */
    private static final long JSON_OVERHEAD = 1024 * 1024;

    private final PayloadStore payloads;
    private final MessageIntake intake;
    private final PipelineIngress pipeline;
    private final SdkMessageReader reader;
    private final SdkEnvelopes envelopes;
    private final Registry registry;
    private final SdkProperties properties;
    private final Clock clock;

    SdkSending(PayloadStore payloads, MessageIntake intake, PipelineIngress pipeline, SdkMessageReader reader,
            SdkEnvelopes envelopes, Registry registry, SdkProperties properties, Clock clock) {
        this.payloads = payloads;
        this.intake = intake;
        this.pipeline = pipeline;
        this.reader = reader;
        this.envelopes = envelopes;
        this.registry = registry;
        this.properties = properties;
        this.clock = clock;
    }

    IntakeResult send(String caller, InputStream body) {
        long limit = registry.product(properties.product()).map(Product::maxPayloadBytes)
                .orElse(payloads.defaultLimit());
        StoredPayload json = store(body, limit + JSON_OVERHEAD, "body");
        StoredPayload message;
        try {
            SdkXmlWriter writer = SdkXmlWriter.read(() -> payloads.open(json.sha256()));
            String messageId = writer.messageId() != null ? writer.messageId().toLowerCase(Locale.ROOT)
                    : UUID.randomUUID().toString();
            message = payloads.write(out -> writer.write(out, messageId, clock.instant()));
        } catch (SdkXmlWriter.InvalidDocumentException e) {
            throw SdkException.badRequest(SdkProblem.SDK_DOCUMENT_INVALID, e.getMessage());
        } finally {
            intake.discardUnreferenced(json);
        }
        try {
            if (message.size() > limit) {
                throw new SdkException(SdkProblem.SDK_MESSAGE_INVALID, HttpStatus.PAYLOAD_TOO_LARGE, "data.attributes: "
                        + "the SDK message would be larger than " + limit + " bytes, SDK's limit; larger files go "
                        + "through Kurir's own channels to the same recipient", List.of(new SdkIssue(
                                SdkIssue.Kind.BV, "NA", "too-long", "the message is larger than SDK allows")));
            }
            SdkMessageReader.Result checked = reader.read(() -> payloads.open(message.sha256()));
            if (!checked.valid()) {
                throw new SdkException(SdkProblem.SDK_MESSAGE_INVALID, HttpStatus.BAD_REQUEST, "data.attributes: the "
                        + "SDK message breaks " + checked.issues().size() + " schema constraint(s) or rule(s); "
                        + "eventIssues name them", checked.issues());
            }
            Envelope envelope = envelopes.toEnvelope(checked.message(), caller);
            return pipeline.submit(new Submission(caller, envelope, message, SdkMessage.MEDIA_TYPE, CHANNEL));
        } catch (RuntimeException e) {
            intake.discardUnreferenced(message);
            throw e;
        }
    }

    private StoredPayload store(InputStream body, long limit, String field) {
        try (InputStream in = body) {
            return payloads.store(in, limit);
        } catch (PayloadTooLargeException e) {
            throw new SdkException(SdkProblem.SDK_MESSAGE_INVALID, HttpStatus.PAYLOAD_TOO_LARGE, field
                    + ": larger than " + limit + " bytes; an SDK message is at most 30 MB, larger files go through "
                    + "Kurir's own channels", List.of(new SdkIssue(SdkIssue.Kind.BV, "NA", "too-long",
                            "the message is larger than SDK allows")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
