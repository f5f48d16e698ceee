package se.kurir.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.kurir.adapter.pipeline.PipelineIngress;
import se.kurir.delivery.MessageIntake;
import se.kurir.delivery.Submission;
import se.kurir.envelope.Envelope;
import se.kurir.envelope.EnvelopeProblem;
import se.kurir.envelope.JsonEnvelopeReader;
import se.kurir.payload.PayloadDigestMismatchException;
import se.kurir.payload.PayloadMediaType;
import se.kurir.payload.PayloadProblem;
import se.kurir.payload.PayloadStore;
import se.kurir.payload.StoredPayload;
import se.kurir.payload.Upload;
import se.kurir.payload.Uploads;
import se.kurir.registry.Product;
import se.kurir.registry.Registry;

/**
 * Resumable uploads, for payloads too large to send in one request over an unreliable link: create an upload for a
 * product, send chunks at offsets ({@code Upload-Offset}), ask how far it has come after a broken connection, and
 * complete it with the envelope and the payload's SHA-256. Completion enters the same pipeline as
 * {@code POST /api/v1/messages}.
 */
@RestController
@RequestMapping("/api/v1/uploads")
class UploadController {

    static final String UPLOAD_OFFSET = "Upload-Offset";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern PRODUCT = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final Uploads uploads;
    private final Registry registry;
    private final PayloadStore payloads;
    private final JsonEnvelopeReader envelopes;
    private final PipelineIngress pipeline;
    private final MessageIntake intake;
    private final ObjectMapper json;

    UploadController(Uploads uploads, Registry registry, PayloadStore payloads, JsonEnvelopeReader envelopes,
            PipelineIngress pipeline, MessageIntake intake, ObjectMapper json) {
        this.uploads = uploads;
        this.registry = registry;
        this.payloads = payloads;
        this.envelopes = envelopes;
        this.pipeline = pipeline;
        this.intake = intake;
        this.json = json;
    }

    record NewUpload(String product, String mediaType) {
    }

    record UploadView(String uploadId, String product, String mediaType, long received, long maxBytes,
            Instant expiresAt) {
        static UploadView of(Upload u) {
            return new UploadView(u.uploadId(), u.product(), u.mediaType(), u.received(), u.maxBytes(),
                    u.expiresAt());
        }
    }

    /** The envelope (JSON, as in xsd/envelope.schema.json) and the SHA-256 the sender computed over the payload. */
    record Completion(String sha256, JsonNode envelope) {
    }

    @Operation(summary = "Start a resumable upload for a product; its size limit applies to the sum of the chunks")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<UploadView> create(@RequestBody NewUpload request, Authentication caller) {
        if (request.product() == null || !PRODUCT.matcher(request.product()).matches()) {
            throw new BadRequestException(RestProblem.REQUEST_INVALID,
                    "product: required, a product id ([a-z0-9-], at most "
                    + "64 characters)");
        }
        long limit = registry.product(request.product()).map(Product::maxPayloadBytes)
                .orElse(payloads.defaultLimit());
        String mediaType = PayloadMediaType.check("mediaType", request.mediaType());
        Upload upload = uploads.create(caller.getName(), request.product(), mediaType, limit);
        return ResponseEntity.created(URI.create("/api/v1/uploads/" + upload.uploadId()))
                .header(UPLOAD_OFFSET, "0").body(UploadView.of(upload));
    }

    @Operation(summary = "How many bytes have arrived: the offset to resume from")
    @GetMapping("/{uploadId}")
    ResponseEntity<UploadView> status(@PathVariable String uploadId, Authentication caller) {
        Upload upload = uploads.status(caller.getName(), uploadId);
        return ResponseEntity.ok().header(UPLOAD_OFFSET, Long.toString(upload.received())).body(UploadView.of(upload));
    }

    @Operation(summary = "Send a chunk at Upload-Offset (at most the bytes received so far: a repeated chunk is safe)")
    @PatchMapping(path = "/{uploadId}", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ResponseEntity<UploadView> chunk(@PathVariable String uploadId,
            @RequestHeader(name = UPLOAD_OFFSET, required = false) Long offset, HttpServletRequest request,
            Authentication caller) throws IOException {
        if (offset == null) {
            throw new BadRequestException(PayloadProblem.UPLOAD_OFFSET_MISSING, UPLOAD_OFFSET
                    + ": required, the byte offset of "
                    + "this chunk");
        }
        Upload upload;
        try (InputStream body = request.getInputStream()) {
            upload = uploads.append(caller.getName(), uploadId, offset, body);
        }
        return ResponseEntity.ok().header(UPLOAD_OFFSET, Long.toString(upload.received())).body(UploadView.of(upload));
    }

    @Operation(summary = "Complete the upload: check the SHA-256 and send the message with its envelope")
    @PostMapping(path = "/{uploadId}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> complete(@PathVariable String uploadId, @RequestBody Completion completion,
            Authentication caller) throws IOException {
        String sender = caller.getName();
        if (completion.sha256() == null || !SHA256.matcher(completion.sha256()).matches()) {
            throw new BadRequestException(RestProblem.REQUEST_INVALID, "sha256: required, 64 lower-case hex digits");
        }
        if (completion.envelope() == null || !completion.envelope().isObject()) {
            throw new BadRequestException(EnvelopeProblem.ENVELOPE_MISSING, "envelope: required, a JSON object");
        }
        Envelope envelope = envelopes.read(json.writeValueAsBytes(completion.envelope())).withAssignedIds();
        Upload upload = uploads.started(sender, uploadId);
        if (!upload.product().equals(envelope.product())) {
            throw new BadRequestException(PayloadProblem.UPLOAD_PRODUCT_MISMATCH,
                    "envelope.product: the upload was started for "
                    + upload.product());
        }
        StoredPayload payload;
        try {
            payload = uploads.complete(sender, uploadId, completion.sha256());
        } catch (PayloadDigestMismatchException e) {
            intake.refuseDigestMismatch(sender, envelope, e.declared(), e.received(), "REST");
            throw e;
        }
        var answer = MessageController.answer(pipeline.submit(
                new Submission(sender, envelope, payload, upload.mediaType(), "REST")));
        uploads.finish(sender, uploadId);
        return answer;
    }

    @Operation(summary = "Abandon an upload and remove the bytes received")
    @DeleteMapping("/{uploadId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void abandon(@PathVariable String uploadId, Authentication caller) {
        uploads.finish(caller.getName(), uploadId);
    }
}
