package se.kurir.adapter.sdk;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.kurir.delivery.DeliveryException;
import se.kurir.delivery.IntakeResult;
import se.kurir.delivery.MailboxAccess;
import se.kurir.delivery.MailboxFilter;
import se.kurir.delivery.MessageRecord;
import se.kurir.delivery.MessageState;
import se.kurir.registry.Mailbox;
import se.kurir.registry.Registry;

/**
 * The MT–MK API (Digg's recommendation B1.4.2, JSON:API) through which agency systems send and fetch SDK messages:
 * the server URL is {@code /sdk/v1}, the resource {@code /sdk/messages}. A participant sends as itself, lists what it
 * sent and what waits in its functional mailboxes, reads a message (which marks it read), deletes one it received
 * (which acknowledges it) and reads the receipt of one it sent. Reads of other participants' messages are as unknown
 * as messages that do not exist.
 */
@RestController
@RequestMapping("/sdk/v1/sdk/messages")
@Tag(name = "SDK (MT–MK API)", description = "SDK message service for agency systems, SDK message v3")
class SdkApiController {

    static final String VERSION = "sdk api 1.0.0";
    private static final Pattern FILTER = Pattern.compile("filter\\[([A-Za-z.]+)]");
    private static final Set<String> FILTERS = Set.of("messageStatus", "recipientAttention.subOrganization.extension",
            "senderAttention.subOrganization.extension");

    private final SdkSending sending;
    private final MailboxAccess mailboxes;
    private final Registry registry;
    private final SdkProperties properties;
    private final SdkReceipts receipts;
    private final ObjectMapper json;

    SdkApiController(SdkSending sending, MailboxAccess mailboxes, Registry registry, SdkProperties properties,
            SdkReceipts receipts, ObjectMapper json) {
        this.sending = sending;
        this.mailboxes = mailboxes;
        this.registry = registry;
        this.properties = properties;
        this.receipts = receipts;
        this.json = json;
    }

    @Operation(summary = "Send an SDK message: a JSON:API messages document; 201 with the message as it stands")
    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "application/vnd.api+json"})
    void send(HttpServletRequest request, Authentication caller, HttpServletResponse response) throws IOException {
        IntakeResult result;
        try (InputStream body = request.getInputStream()) {
            result = sending.send(caller.getName(), body);
        }
        response.setStatus(HttpStatus.CREATED.value());
        response.setHeader("Location", "/sdk/v1/sdk/messages/" + result.messageId());
        writeOne(response, result.message(), caller.getName(), false);
    }

    @Operation(summary = "List SDK messages the caller sent or received, newest first, without their documents")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    void list(@RequestParam Map<String, String> parameters, Authentication caller, HttpServletResponse response)
            throws IOException {
        Map<String, String> filters = filters(parameters);
        String me = caller.getName();
        List<MessageRecord> found = new ArrayList<>();
        String wantedRecipientAddress = filters.get("recipientAttention.subOrganization.extension");
        for (Mailbox mailbox : registry.mailboxes()) {
            if (mailbox.participant().equals(me) && mailbox.sdkFunctionalAddress() != null
                    && (wantedRecipientAddress == null || wantedRecipientAddress.equals(mailbox.sdkFunctionalAddress()))) {
                mailboxes.list(me, mailbox.address(), new MailboxFilter(null, properties.product(), null, null,
                        properties.listLimit())).messages().stream()
                        .filter(m -> m.state() != MessageState.ACKNOWLEDGED).forEach(found::add);
            }
        }
        if (wantedRecipientAddress == null) {
            found.addAll(mailboxes.sentBy(me, properties.product(), properties.listLimit()));
        }
        List<MessageRecord> listed = found.stream()
                .filter(m -> matches(filters.get("senderAttention.subOrganization.extension"),
                        m.envelope().metadata().get(SdkEnvelopes.SENDER_ADDRESS)))
                .filter(m -> matches(filters.get("messageStatus"), status(m, me).name()))
                .sorted(Comparator.comparing(MessageRecord::receivedAt).reversed())
                .limit(properties.listLimit()).toList();
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        try (JsonGenerator out = json.getFactory().createGenerator(response.getOutputStream())) {
            out.writeStartObject();
            meta(out, "/sdk/v1/sdk/messages");
            out.writeArrayFieldStart("data");
            for (MessageRecord m : listed) {
                resource(out, m, me, false);
            }
            out.writeEndArray();
            out.writeEndObject();
        }
    }

    @Operation(summary = "Read an SDK message with its documents; the recipient has read it once it is fully written")
    @GetMapping(path = "/{messageId}", produces = MediaType.APPLICATION_JSON_VALUE)
    void get(@PathVariable String messageId, Authentication caller, HttpServletResponse response) throws IOException {
        String me = caller.getName();
        MessageRecord message = find(me, messageId);
        writeOne(response, message, me, true);
        if (isRecipient(message, me) && message.state() == MessageState.DELIVERED) {
            mailboxes.fetched(me, message);
        }
    }

    @Operation(summary = "Delete an SDK message the caller received: it is acknowledged and leaves the list")
    @DeleteMapping("/{messageId}")
    ResponseEntity<Void> delete(@PathVariable String messageId, Authentication caller) {
        String me = caller.getName();
        MessageRecord message = find(me, messageId);
        if (!isRecipient(message, me)) {
            throw SdkException.badRequest(SdkProblem.SDK_DELETE_NOT_ALLOWED, "messageId: " + messageId + " is a "
                    + "message the caller sent; only its recipient deletes it");
        }
        mailboxes.acknowledge(me, message.recipient(), message.messageId());
        return ResponseEntity.accepted().build();
    }

    @Operation(summary = "The receipt (Meddelandekvittens, UBL ApplicationResponse) of an SDK message the caller sent")
    @GetMapping(path = "/{messageId}/receipt", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<byte[]> receipt(@PathVariable String messageId, Authentication caller) {
        MessageRecord message = find(caller.getName(), messageId);
        if (!message.sender().equals(caller.getName())) {
            throw new SdkException(SdkProblem.SDK_MESSAGE_NOT_FOUND, HttpStatus.NOT_FOUND, "messageId: "
                    + messageId + " is not a message the caller sent");
        }
        SdkReceipt receipt = receipts.of(message).orElseThrow(() -> new SdkException(
                SdkProblem.SDK_RECEIPT_NOT_FOUND, HttpStatus.NOT_FOUND, "messageId: " + messageId
                        + " has no receipt (yet)"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(SdkReceipt.MEDIA_TYPE)).body(receipt.xml());
    }

    private MessageRecord find(String caller, String messageId) {
        try {
            MessageRecord message = mailboxes.getInOwnMailboxes(caller, messageId);
            if (message.product().equals(properties.product())) {
                return message;
            }
        } catch (DeliveryException e) {
            if (e.kind() != DeliveryException.Kind.NOT_FOUND) {
                throw e;
            }
        }
        try {
            MessageRecord sent = mailboxes.sent(caller, messageId);
            if (sent.product().equals(properties.product())) {
                return sent;
            }
        } catch (DeliveryException e) {
            if (e.kind() != DeliveryException.Kind.NOT_FOUND) {
                throw e;
            }
        }
        throw new SdkException(SdkProblem.SDK_MESSAGE_NOT_FOUND, HttpStatus.NOT_FOUND, "messageId: " + messageId
                + " is no SDK message of the caller's");
    }

    private void writeOne(HttpServletResponse response, MessageRecord message, String caller, boolean documents)
            throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        try (JsonGenerator out = json.getFactory().createGenerator(response.getOutputStream())) {
            out.writeStartObject();
            meta(out, "/sdk/v1/sdk/messages/" + message.messageId());
            out.writeFieldName("data");
            resource(out, message, caller, documents);
            out.writeEndObject();
        }
    }

    private static void meta(JsonGenerator out, String self) throws IOException {
        out.writeObjectFieldStart("meta");
        out.writeStringField("version", VERSION);
        out.writeEndObject();
        out.writeObjectFieldStart("links");
        out.writeStringField("self", self);
        out.writeEndObject();
    }

    /** One message as a JSON:API resource, its attributes from the envelope and, if asked, its documents. */
    private void resource(JsonGenerator out, MessageRecord message, String caller, boolean documents)
            throws IOException {
        Map<String, String> sdk = message.envelope().metadata();
        out.writeStartObject();
        out.writeStringField("type", "messages");
        out.writeStringField("id", message.messageId());
        out.writeObjectFieldStart("attributes");
        out.writeStringField("messageStatus", status(message, caller).name());
        out.writeStringField("creationDateTime", sdk.get(SdkEnvelopes.CREATED));
        out.writeStringField("messageId", message.messageId());
        out.writeStringField("conversationId", message.envelope().conversationId());
        if (message.envelope().inReplyTo() != null) {
            out.writeStringField("refToMessageId", message.envelope().inReplyTo());
        }
        out.writeBooleanField("confidentiality", Boolean.parseBoolean(sdk.get(SdkEnvelopes.CONFIDENTIALITY)));
        if (message.envelope().subject() != null) {
            out.writeStringField("label", message.envelope().subject());
        }
        out.writeStringField("sender", sdk.get(SdkEnvelopes.SENDER));
        out.writeStringField("recipient", sdk.get(SdkEnvelopes.RECIPIENT));
        attention(out, "senderAttention", sdk.get(SdkEnvelopes.SENDER_ADDRESS));
        attention(out, "recipientAttention", sdk.get(SdkEnvelopes.RECIPIENT_ADDRESS));
        if (documents) {
            out.flush();
            try (InputStream in = mailboxes.openPayload(message)) {
                SdkJsonWriter.writeDocuments(in, out);
            }
        }
        out.writeEndObject();
        out.writeEndObject();
    }

    private static void attention(JsonGenerator out, String name, String functionalAddress) throws IOException {
        if (functionalAddress == null) {
            return;
        }
        out.writeObjectFieldStart(name);
        out.writeObjectFieldStart("subOrganization");
        out.writeStringField("root", SdkMessage.FUNCTIONAL_ADDRESS);
        out.writeStringField("extension", functionalAddress);
        out.writeEndObject();
        out.writeEndObject();
    }

    private static SdkStatus status(MessageRecord message, String caller) {
        return isRecipient(message, caller) ? SdkStatus.forRecipient(message.state())
                : SdkStatus.forSender(message.state());
    }

    private static boolean isRecipient(MessageRecord message, String caller) {
        return message.recipient().startsWith(caller + ".");
    }

    private static boolean matches(String wanted, String value) {
        return wanted == null || wanted.equals(value);
    }

    private static Map<String, String> filters(Map<String, String> parameters) {
        Map<String, String> filters = new HashMap<>();
        for (var parameter : parameters.entrySet()) {
            Matcher m = FILTER.matcher(parameter.getKey());
            if (!m.matches() || !FILTERS.contains(m.group(1))) {
                throw SdkException.badRequest(SdkProblem.SDK_FILTER_INVALID, parameter.getKey() + ": not a filter "
                        + "of this list (filter[messageStatus], filter[recipientAttention.subOrganization.extension], "
                        + "filter[senderAttention.subOrganization.extension])");
            }
            filters.put(m.group(1), parameter.getValue());
        }
        Optional.ofNullable(filters.get("messageStatus")).ifPresent(status -> {
            try {
                SdkStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw SdkException.badRequest(SdkProblem.SDK_FILTER_INVALID, "filter[messageStatus]: not a status");
            }
        });
        return filters;
    }
}
