package se.kurir.adapter.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.kurir.delivery.DeliveryException;
import se.kurir.payload.PayloadMediaType;
import se.kurir.payload.Upload;
import se.kurir.payload.Uploads;

/**
 * Large attachments from the web, in chunks that survive a broken connection: compose's script starts an upload for
 * the route chosen, sends the file in slices at their offsets, asks how far it came after an error or a reload, and
 * then posts the form naming the upload instead of the file. The same resumable uploads as the API's, owned by the
 * person ({@code web:<username>}), so nobody else, not even a colleague at the same agency, can add to or complete
 * it. Without the script the form posts the file in one request as before.
 */
@RestController
@RequestMapping("/web/uploads")
class WebUploads {

    static final String UPLOAD_OFFSET = "Upload-Offset";

    private final Uploads uploads;
    private final ComposeRoutes routes;

    WebUploads(Uploads uploads, ComposeRoutes routes) {
        this.uploads = uploads;
        this.routes = routes;
    }

    /** @param received the offset to send the next chunk at */
    record Progress(String uploadId, long received, long maxBytes) {
        static Progress of(Upload upload) {
            return new Progress(upload.uploadId(), upload.received(), upload.maxBytes());
        }
    }

    @PostMapping
    ResponseEntity<Progress> start(@RequestParam String route, @RequestParam(defaultValue = "") String mediaType,
            Authentication authentication) {
        WebPerson person = WebPerson.of(authentication);
        ComposeRoutes.Route chosen = routes.find(person, route)
                .orElseThrow(() -> DeliveryException.notFound("route " + route + " among the person's agreements"));
        Upload upload = uploads.create(owner(person), chosen.product().id(), PayloadMediaType.check("mediaType",
                mediaType.isBlank() ? "application/octet-stream" : mediaType), chosen.product().maxPayloadBytes());
        return ResponseEntity.created(URI.create("/web/uploads/" + upload.uploadId())).body(Progress.of(upload));
    }

    @GetMapping("/{uploadId}")
    Progress status(@PathVariable String uploadId, Authentication authentication) {
        return Progress.of(uploads.status(owner(WebPerson.of(authentication)), uploadId));
    }

    @PatchMapping(path = "/{uploadId}", consumes = "application/octet-stream")
    Progress chunk(@PathVariable String uploadId, @RequestHeader(UPLOAD_OFFSET) long offset,
            HttpServletRequest request, Authentication authentication) throws IOException {
        try (InputStream body = request.getInputStream()) {
            return Progress.of(uploads.append(owner(WebPerson.of(authentication)), uploadId, offset, body));
        }
    }

    @DeleteMapping("/{uploadId}")
    ResponseEntity<Void> abandon(@PathVariable String uploadId, Authentication authentication) {
        uploads.finish(owner(WebPerson.of(authentication)), uploadId);
        return ResponseEntity.noContent().build();
    }

    /** Whose the upload is: the person's, as the audit log names people in the web. */
    static String owner(WebPerson person) {
        return "web:" + person.username();
    }
}
