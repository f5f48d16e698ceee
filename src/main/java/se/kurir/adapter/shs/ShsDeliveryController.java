package se.kurir.adapter.shs;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.kurir.delivery.DeliveryException;
import se.kurir.delivery.MailboxAccess;
import se.kurir.delivery.MessageRecord;
import se.kurir.registry.Product;
import se.kurir.registry.Registry;

/**
 * The SHS delivery service over a participant's own mailbox (its outbox, in SHS's words, is
 * {@code urn:X-shs:<orgnr>.<mailbox>}): the {@code shs.message-list} of what waits, each message as MIME with its
 * label first, and the acknowledgement. Every call goes through {@link MailboxAccess}, which refuses and audits a
 * caller reaching for another participant's mailbox, the check the open-source SHS broker lacked.
 */
@RestController
class ShsDeliveryController {

    private final MailboxAccess mailboxes;
    private final ShsMessageList lists;
    private final ShsLabelWriter labels;
    private final ShsAdmMessages admMessages;
    private final Registry registry;
    private final ShsLegacyNumbers legacyNumbers;
    private final ShsMessageFraming framing;

    ShsDeliveryController(MailboxAccess mailboxes, ShsMessageList lists, ShsLabelWriter labels,
            ShsAdmMessages admMessages, Registry registry, ShsLegacyNumbers legacyNumbers,
            ShsMessageFraming framing) {
        this.framing = framing;
        this.legacyNumbers = legacyNumbers;
        this.mailboxes = mailboxes;
        this.lists = lists;
        this.labels = labels;
        this.admMessages = admMessages;
        this.registry = registry;
    }

    @GetMapping(path = "/shs/ds/{outbox}", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<byte[]> list(@PathVariable String outbox, Authentication caller,
            @RequestParam(required = false) String producttype, @RequestParam(required = false) String filter,
            @RequestParam(defaultValue = "200") int maxhits, @RequestParam(required = false) String status,
            @RequestParam(required = false) String corrid, @RequestParam(required = false) String contentid,
            @RequestParam(required = false) String originator, @RequestParam(required = false) String endrecipient,
            @RequestParam(required = false) String since, @RequestParam(required = false) String sortattribute,
            @RequestParam(required = false) String sortorder) {
        ShsAddress address = address("outbox", outbox);
        List<String> outboxMailboxes = mailboxesOf(address, caller.getName(), "list");
        ShsAdmMessage.Kind admKind = admKind(producttype);
        ShsListFilter criteria = new ShsListFilter(admKind == null ? product(producttype) : null, admKind,
                noAck(filter), maxHits(maxhits), status(status), corrid, contentid,
                originator == null ? null : address("originator", originator),
                endrecipient == null ? null : address("endrecipient", endrecipient), since(since),
                descending(sortattribute, sortorder));
        return ResponseEntity.ok().contentType(new MediaType("text", "xml", StandardCharsets.ISO_8859_1))
                .body(lists.write(mailboxes, caller.getName(), address, outboxMailboxes, criteria));
    }

    /**
     * The message as SHS serves it: multipart/mixed, the label, then the data part in binary. FETCHED only once its
     * last byte is written; a download broken off leaves it DELIVERED, to be fetched again. A confirm or error
     * message is served the same way, its {@code shs.management} as the data part.
     */
    @GetMapping("/shs/ds/{outbox}/{txId}")
    void fetch(@PathVariable String outbox, @PathVariable String txId, Authentication caller,
            HttpServletResponse response) throws IOException {
        ShsAddress address = address("outbox", outbox);
        String id = txId(txId);
        Found found = find(address, caller.getName(), id);
        if (found instanceof Found.Adm admFound) {
            ShsAdmMessage adm = admFound.adm();
            byte[] management = admMessages.management(adm);
            write(response, adm.txId(), ShsLabelWriter.corrId(adm.answered().envelope()), ShsMimeWriter.oneDataPart(
                    labels.write(adm, management.length), "text/xml; charset=ISO-8859-1", null),
                    new ByteArrayInputStream(management));
            return;
        }
        MessageRecord message = ((Found.Message) found).message();
        try (InputStream in = mailboxes.openPayload(message)) {
            write(response, message.messageId(), ShsLabelWriter.corrId(message.envelope()), framing.of(message), in);
        }
        mailboxes.fetched(caller.getName(), message);
    }

    @PostMapping("/shs/ds/{outbox}/{txId}")
    ResponseEntity<String> acknowledge(@PathVariable String outbox, @PathVariable String txId,
            @RequestParam String action, Authentication caller) {
        if (!action.equals("ack")) {
            throw parameter("action: '" + action + "' is not ack");
        }
        ShsAddress address = address("outbox", outbox);
        String id = txId(txId);
        Found found = find(address, caller.getName(), id);
        if (found instanceof Found.Adm adm) {
            admMessages.acknowledge(adm.adm());
        } else {
            mailboxes.acknowledge(caller.getName(), ((Found.Message) found).message().recipient(), id);
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).header(ShsHeaders.TX_ID, id).body(id);
    }

    /** What a tx.id in an outbox names: a message waiting there, or a confirm or error message owed to its owner. */
    private sealed interface Found {
        record Message(MessageRecord message) implements Found {
        }

        record Adm(ShsAdmMessage adm) implements Found {
        }
    }

    private Found find(ShsAddress outbox, String caller, String txId) {
        mailboxesOf(outbox, caller, "read");
        try {
            return new Found.Message(outbox.mailboxName() == null ? mailboxes.getInOwnMailboxes(caller, txId)
                    : mailboxes.get(caller, outbox.mailbox(), txId));
        } catch (DeliveryException e) {
            if (e.kind() != DeliveryException.Kind.NOT_FOUND) {
                throw e;
            }
            return new Found.Adm(admMessages.find(mailboxes, caller, outbox, txId).orElseThrow(() -> e));
        }
    }

    private static void write(HttpServletResponse response, String txId, String corrId,
            ShsMimeWriter.Framing framing, InputStream data) throws IOException {
        response.setContentType(framing.contentType());
        response.setHeader(ShsHeaders.TX_ID, txId);
        response.setHeader(ShsHeaders.CORR_ID, corrId);
        OutputStream out = response.getOutputStream();
        framing.write(out, data);
        out.flush();
    }

    /** The mailboxes an outbox stands for: the one it names, or every one of the organisation it names. */
    private List<String> mailboxesOf(ShsAddress outbox, String caller, String action) {
        if (outbox.mailboxName() == null) {
            return mailboxes.ownMailboxes(caller, outbox.orgNumber(), action);
        }
        mailboxes.checkOwner(caller, outbox.mailbox(), action);
        return List.of(outbox.mailbox());
    }

    private ShsAddress address(String field, String value) {
        ShsAddress address;
        try {
            address = ShsAddress.parse(value);
        } catch (IllegalArgumentException e) {
            throw parameter(field + ": " + e.getMessage());
        }
        return legacyNumbers.canonical(address, field, ShsProblem.SHS_PARAMETER_INVALID);
    }

    private static String txId(String value) {
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw parameter("txId: '" + value + "' is not a UUID");
        }
    }

    /** The special product types confirm and error select the adm messages of that kind. */
    private static ShsAdmMessage.Kind admKind(String producttype) {
        return Arrays.stream(ShsAdmMessage.Kind.values())
                .filter(k -> k.product().equalsIgnoreCase(String.valueOf(producttype).replaceFirst("(?i)^urn:X-shs:",
                        ""))).findFirst().orElse(null);
    }

    private String product(String producttype) {
        if (producttype == null) {
            return null;
        }
        String uuid = producttype.replaceFirst("(?i)^urn:X-shs:", "");
        return registry.productByShsType(uuid).map(Product::id).orElseThrow(() -> new ShsException(
                ShsProblem.SHS_UNKNOWN_PRODUCT_TYPE, "producttype: " + producttype + " is no SHS product type of "
                        + "this gateway"));
    }

    private static boolean noAck(String filter) {
        if (filter != null && !filter.equals("noack")) {
            throw parameter("filter: '" + filter + "' is not noack");
        }
        return filter != null;
    }

    private static int maxHits(int maxhits) {
        if (maxhits < 1 || maxhits > ShsMessageList.MAX_HITS) {
            throw parameter("maxhits: must be between 1 and " + ShsMessageList.MAX_HITS);
        }
        return maxhits;
    }

    private static String status(String status) {
        if (status != null && !status.equals("test") && !status.equals("production")) {
            throw parameter("status: '" + status + "' is not test or production");
        }
        return status;
    }

    private static Instant since(String since) {
        if (since == null) {
            return null;
        }
        try {
            return ShsLabelReader.datetime(since).toInstant();
        } catch (ShsException e) {
            throw parameter("since: '" + since + "' is not a date or date and time");
        }
    }

    private static boolean descending(String sortattribute, String sortorder) {
        if (sortattribute != null && !sortattribute.equals("timestamp")) {
            throw parameter("sortattribute: '" + sortattribute + "' is not timestamp");
        }
        if (sortorder != null && !sortorder.equals("ascending") && !sortorder.equals("descending")) {
            throw parameter("sortorder: '" + sortorder + "' is not ascending or descending");
        }
        return "descending".equals(sortorder);
    }

    private static ShsException parameter(String detail) {
        return new ShsException(ShsProblem.SHS_PARAMETER_INVALID, detail);
    }
}
