package se.kurir.adapter.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import se.kurir.adapter.pipeline.PipelineIngress;
import se.kurir.delivery.DeliveryException;
import se.kurir.delivery.IntakeResult;
import se.kurir.delivery.MailboxAccess;
import se.kurir.delivery.MessageIntake;
import se.kurir.delivery.MessageRecord;
import se.kurir.delivery.MessageState;
import se.kurir.delivery.Submission;
import se.kurir.envelope.Envelope;
import se.kurir.envelope.LegalBasis;
import se.kurir.envelope.MessageStatus;
import se.kurir.payload.PayloadMediaType;
import se.kurir.payload.PayloadStore;
import se.kurir.payload.StoredPayload;
import se.kurir.payload.Upload;
import se.kurir.payload.Uploads;

/**
 * Compose: a case officer picks a recipient and product from what their agreements allow ({@link ComposeRoutes}),
 * the legal basis filled from the agreement, writes a subject, states how long the recipient may keep it and attaches
 * a file. The form's parts are read as a stream, the file straight into the payload store under the product's limit;
 * a large file comes instead as a resumable upload the form names ({@link WebUploads}). The message goes through the
 * pipeline (policy, privacy step, sealing, audit) as channel {@code WEB}. The sent page shows the message's receipts
 * as they arrive.
 */
@Controller
class WebComposeController {

    static final String CHANNEL = "WEB";
    static final List<String> RETENTIONS = List.of("P1Y", "P2Y", "P5Y", "P10Y");
    private static final int FIELD_LIMIT = 1024;

    private final ComposeRoutes routes;
    private final PayloadStore payloads;
    private final PipelineIngress pipeline;
    private final MessageIntake intake;
    private final MailboxAccess mailboxes;
    private final Uploads uploads;
    private final WebProperties properties;

    WebComposeController(ComposeRoutes routes, PayloadStore payloads, PipelineIngress pipeline, MessageIntake intake,
            MailboxAccess mailboxes, Uploads uploads, WebProperties properties) {
        this.routes = routes;
        this.payloads = payloads;
        this.pipeline = pipeline;
        this.intake = intake;
        this.mailboxes = mailboxes;
        this.uploads = uploads;
        this.properties = properties;
    }

    @GetMapping("/web/compose")
    String form(Authentication authentication, Model model) {
        formModel(WebPerson.of(authentication), model);
        return "web/compose";
    }

    @PostMapping("/web/compose")
    String send(HttpServletRequest request, Authentication authentication, Model model) throws IOException {
        WebPerson person = WebPerson.of(authentication);
        Map<String, String> fields = new HashMap<>();
        ComposeRoutes.Route route = null;
        Envelope envelope = null;
        StoredPayload payload = null;
        String mediaType = null;
        try {
            FileItemInputIterator parts = new JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory>()
                    .getItemIterator(request);
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if (part.isFormField()) {
                    fields.put(part.getFieldName(), text(part));
                } else if (part.getFieldName().equals("attachment") && payload == null) {
                    route = routes.find(person, fields.getOrDefault("route", "")).orElse(null);
                    if (route == null) {
                        return refused(person, model, "compose.error.route");
                    }
                    envelope = envelope(route, fields, part.getName());
                    mediaType = PayloadMediaType.check("attachment", part.getContentType() == null
                            ? "application/octet-stream" : part.getContentType());
                    try (InputStream in = part.getInputStream()) {
                        payload = payloads.store(in, route.product().maxPayloadBytes());
                    }
                }
            }
        } catch (FileUploadException e) {
            discard(payload);
            return refused(person, model, "compose.error.upload");
        } catch (RuntimeException | IOException e) {
            discard(payload);
            throw e;
        }
        // The script sent a large file ahead as a resumable upload, and names it in place of the file.
        String uploadId = payload == null ? fields.get("upload") : null;
        if (uploadId != null) {
            route = routes.find(person, fields.getOrDefault("route", "")).orElse(null);
            Upload upload = uploads.started(WebUploads.owner(person), uploadId);
            if (route == null || !route.product().id().equals(upload.product())) {
                return refused(person, model, "compose.error.route");
            }
            envelope = envelope(route, fields, fields.get("filename"));
            mediaType = upload.mediaType();
            payload = uploads.complete(WebUploads.owner(person), uploadId, null);
        }
        if (payload == null || payload.size() == 0) {
            discard(payload);
            return refused(person, model, "compose.error.attachment");
        }
        IntakeResult result = pipeline.submit(new Submission(route.sender(), envelope, payload, mediaType, CHANNEL));
        if (uploadId != null) {
            uploads.finish(WebUploads.owner(person), uploadId);
        }
        if (result.admission() == MessageState.REJECTED) {
            model.addAttribute("rejection", result.message().reasonCode());
            return refused(person, model, "compose.error.rejected");
        }
        return "redirect:/web/sent/" + result.messageId();
    }

    @GetMapping("/web/sent/{messageId}")
    String sent(@PathVariable String messageId, Authentication authentication, Model model) {
        WebPerson person = WebPerson.of(authentication);
        for (String participant : person.participants()) {
            Optional<MessageRecord> message = sentBy(participant, messageId);
            if (message.isPresent()) {
                model.addAttribute("message", message.get());
                model.addAttribute("receipts", mailboxes.receipts(participant, messageId));
                return "web/sent";
            }
        }
        throw DeliveryException.notFound("message " + messageId);
    }

    private Optional<MessageRecord> sentBy(String participant, String messageId) {
        try {
            return Optional.of(mailboxes.sent(participant, messageId));
        } catch (DeliveryException notThisOne) {
            return Optional.empty();
        }
    }

    private static Envelope envelope(ComposeRoutes.Route route, Map<String, String> fields, String fileName) {
        String retention = RETENTIONS.contains(fields.get("retention")) ? fields.get("retention") : "P5Y";
        String subject = fields.getOrDefault("subject", "").strip();
        LegalBasis basis = new LegalBasis(route.basis().statute(), route.basis().provision(), route.mode(),
                route.purpose(), route.product().classification(), route.product().personalData(), null, retention,
                null);
        Map<String, String> metadata = fileName == null || fileName.isBlank() ? Map.of()
                : Map.of("filename", fileName.replaceAll("[^\\p{L}\\p{N}._ -]", "_"));
        return new Envelope(null, null, null, null, route.recipient().address(), route.product().id(),
                MessageStatus.PRODUCTION, subject.isEmpty() ? null : subject, metadata, basis, null)
                .withAssignedIds();
    }

    private String refused(WebPerson person, Model model, String reason) {
        model.addAttribute("error", reason);
        formModel(person, model);
        return "web/compose";
    }

    private void formModel(WebPerson person, Model model) {
        model.addAttribute("routes", routes.of(person));
        model.addAttribute("retentions", RETENTIONS);
        model.addAttribute("resumableAbove", properties.resumableAbove().toBytes());
        model.addAttribute("chunkSize", properties.chunkSize().toBytes());
    }

    private static String text(FileItemInput part) throws IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(FIELD_LIMIT), StandardCharsets.UTF_8);
        }
    }

    private void discard(StoredPayload payload) {
        if (payload != null) {
            intake.discardUnreferenced(payload);
        }
    }
}
