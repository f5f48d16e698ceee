package se.kurir.adapter.rest;

import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.kurir.delivery.MailboxAccess;
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

    record Listing(String mailbox, List<Summary> messages) {
    }

    record Detail(String messageId, String sender, MessageState state, Instant receivedAt, Envelope envelope,
            PayloadInfo payload) {
    }

    @Operation(summary = "List the messages in a mailbox")
    @GetMapping
    Listing list(@PathVariable String mailbox, @RequestParam(required = false) MessageState state,
            @RequestParam(required = false) String product,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since,
            @RequestParam(defaultValue = "100") int limit, Authentication caller) {
        if (state != null && !MessageState.IN_MAILBOX.contains(state)) {
            throw new BadRequestException("PARAMETER_INVALID", "state: must be one of " + MessageState.IN_MAILBOX);
        }
        var messages = mailboxes.list(caller.getName(), mailbox, new MailboxFilter(state, product, since,
                Limits.check("limit", limit, MAX_LIMIT)));
        return new Listing(mailbox, messages.stream().map(Summary::of).toList());
    }

    @Operation(summary = "Read a message's envelope")
    @GetMapping("/{messageId}")
    Detail get(@PathVariable String mailbox, @PathVariable String messageId, Authentication caller) {
        MessageRecord m = mailboxes.get(caller.getName(), mailbox, messageId);
        return new Detail(m.messageId(), m.sender(), m.state(), m.receivedAt(), m.envelope(), PayloadInfo.of(m));
    }

    /** Streams the payload; the message becomes FETCHED only once every byte has been written. */
    @Operation(summary = "Fetch a message's payload (streamed)")
    @GetMapping("/{messageId}/payload")
    void payload(@PathVariable String mailbox, @PathVariable String messageId, Authentication caller,
            HttpServletResponse response) throws IOException {
        MessageRecord m = mailboxes.get(caller.getName(), mailbox, messageId);
        response.setContentType(m.mediaType());
        // The media type is the sender's word: never let a browser render it in the gateway's origin.
        response.setHeader("Content-Disposition", "attachment; filename=\"" + m.messageId() + "\"");
        response.setContentLengthLong(m.payload().size());
        response.setHeader("Repr-Digest", "sha-256=:" + Base64.getEncoder()
                .encodeToString(HexFormat.of().parseHex(m.payload().sha256())) + ":");
        try (InputStream in = mailboxes.openPayload(m)) {
            OutputStream out = response.getOutputStream();
            in.transferTo(out);
            out.flush();
        }
        mailboxes.fetched(caller.getName(), m);
    }

    @Operation(summary = "Acknowledge a message: the recipient has processed it")
    @PostMapping("/{messageId}/ack")
    Map<String, Object> acknowledge(@PathVariable String mailbox, @PathVariable String messageId,
            Authentication caller) {
        return Map.of("messageId", messageId, "state", mailboxes.acknowledge(caller.getName(), mailbox, messageId));
    }
}
