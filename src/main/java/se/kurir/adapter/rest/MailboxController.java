package se.kurir.adapter.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.kurir.delivery.MailboxAccess;
import se.kurir.delivery.MailboxCursor;
import se.kurir.delivery.MailboxFilter;
import se.kurir.delivery.MessageRecord;
import se.kurir.delivery.MessageState;
import se.kurir.envelope.Envelope;

/** A participant's mailboxes (funktionsbrevlådor): list, read, fetch the payload, acknowledge. Owner only. */
@RestController
@RequestMapping("/api/v1/mailboxes/{mailbox}/messages")
class MailboxController {

    private static final int MAX_LIMIT = 1000;

    private final MailboxAccess mailboxes;

    MailboxController(MailboxAccess mailboxes) {
        this.mailboxes = mailboxes;
    }

    record Summary(String messageId, String sender, String product, MessageState state, String correlationId,
            Instant receivedAt, PayloadInfo payload) {
        static Summary of(MessageRecord m) {
            return new Summary(m.messageId(), m.sender(), m.product(), m.state(), m.envelope().correlationId(),
                    m.receivedAt(), PayloadInfo.of(m));
        }
    }

    record PayloadInfo(String sha256, long size, String mediaType) {
        static PayloadInfo of(MessageRecord m) {
            return new PayloadInfo(m.payload().sha256(), m.payload().size(), m.mediaType());
        }
    }

    /** @param nextCursor what to pass as {@code after} for the messages after this page (null: none yet) */
    record Listing(String mailbox, List<Summary> messages, String nextCursor) {
    }

    record Detail(String messageId, String sender, MessageState state, Instant receivedAt, Envelope envelope,
            PayloadInfo payload) {
    }

    @Operation(summary = "List the messages in a mailbox")
    @GetMapping
    Listing list(@PathVariable String mailbox, @RequestParam(required = false) MessageState state,
            @RequestParam(required = false) String product,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since,
            @Parameter(description = "the nextCursor of an earlier listing: the messages placed in the mailbox "
                    + "after it, in the order they arrived, none skipped and none twice")
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "100") int limit, Authentication caller) {
        if (state != null && !MessageState.IN_MAILBOX.contains(state)) {
            throw new BadRequestException(RestProblem.PARAMETER_INVALID, "state: must be one of "
                    + MessageState.IN_MAILBOX);
        }
        var page = mailboxes.list(caller.getName(), mailbox, new MailboxFilter(state, product, since,
                cursor(after), Limits.check("limit", limit, MAX_LIMIT)));
        return new Listing(mailbox, page.messages().stream().map(Summary::of).toList(),
                page.next() == null ? null : page.next().toString());
    }

    private static MailboxCursor cursor(String after) {
        if (after == null) {
            return null;
        }
        try {
            return MailboxCursor.parse(after);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(RestProblem.PARAMETER_INVALID, "after: " + e.getMessage());
        }
    }

    @Operation(summary = "Read a message's envelope")
    @GetMapping("/{messageId}")
    Detail get(@PathVariable String mailbox, @PathVariable String messageId, Authentication caller) {
        MessageRecord m = mailboxes.get(caller.getName(), mailbox, messageId);
        return new Detail(m.messageId(), m.sender(), m.state(), m.receivedAt(), m.envelope(), PayloadInfo.of(m));
    }

    /**
     * Streams the payload, or the one byte range asked for, so a broken download resumes where it stopped. The
     * message becomes FETCHED once the payload's last byte has been written to the caller.
     */
    @Operation(summary = "Fetch a message's payload (streamed; a single Range resumes a download)")
    @GetMapping("/{messageId}/payload")
    void payload(@PathVariable String mailbox, @PathVariable String messageId,
            @RequestHeader(name = HttpHeaders.RANGE, required = false) String range,
            @RequestHeader(name = HttpHeaders.IF_RANGE, required = false) String ifRange,
            Authentication caller, HttpServletResponse response) throws IOException {
        MessageRecord m = mailboxes.get(caller.getName(), mailbox, messageId);
        long size = m.payload().size();
        String etag = "\"" + m.payload().sha256() + "\"";
        // Content-addressed: the ETag is the digest, so a resumed download can never splice two different payloads.
        ByteRange part = range == null || ifRange != null && !ifRange.equals(etag)
                ? new ByteRange(0, size - 1)
                : ByteRange.parse(range, size);
        response.setContentType(m.mediaType());
        // The media type is the sender's word: never let a browser render it in the gateway's origin.
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + m.messageId() + "\"");
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader("Repr-Digest", "sha-256=:" + Base64.getEncoder()
                .encodeToString(HexFormat.of().parseHex(m.payload().sha256())) + ":");
        if (range != null && part.length() < size) {
            response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
            response.setHeader(HttpHeaders.CONTENT_RANGE, part.contentRange(size));
        }
        response.setContentLengthLong(Math.max(0, part.length()));
        try (InputStream in = mailboxes.openPayload(m)) {
            in.skipNBytes(part.first());
            OutputStream out = response.getOutputStream();
            copy(in, out, part.length());
            out.flush();
        }
        if (part.reachesEnd(size) || size == 0) {
            mailboxes.fetched(caller.getName(), m);
        }
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (long left = length; left > 0;) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("payload ended " + left + " bytes early");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    @Operation(summary = "Acknowledge a message: the recipient has processed it")
    @PostMapping("/{messageId}/ack")
    Map<String, Object> acknowledge(@PathVariable String mailbox, @PathVariable String messageId,
            Authentication caller) {
        return Map.of("messageId", messageId, "state", mailboxes.acknowledge(caller.getName(), mailbox, messageId));
    }
}
