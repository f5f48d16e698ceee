package se.kurir.adapter.sftp;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirHeaders;
import se.kurir.adapter.pipeline.MailboxChannel;
import se.kurir.delivery.DeadLetters;
import se.kurir.delivery.MailboxDelivery;
import se.kurir.delivery.MessageRecord;
import se.kurir.payload.PayloadStore;
import se.kurir.registry.DeliveryChannel;
import se.kurir.registry.Mailbox;
import se.kurir.registry.Registry;

/**
 * Delivers the queued message to its mailbox's SFTP/FTPS inbox: the payload streamed under a temporary name and
 * renamed when complete, then its manifest (the envelope, with the payload's SHA-256 and size) as the receiver's done
 * file. A failure rolls the broker transaction back, so retries follow the mailbox's redelivery policy and a file cut
 * off mid-transfer is written again from the start.
 */
@Component
final class DeliverToFileInboxProcessor implements MailboxChannel {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");

    private final FileInboxes inboxes;
    private final MailboxDelivery delivery;
    private final DeadLetters deadLetters;
    private final PayloadStore payloads;
    private final ObjectMapper json;
    private final Registry registry;

    DeliverToFileInboxProcessor(FileInboxes inboxes, MailboxDelivery delivery, DeadLetters deadLetters,
            PayloadStore payloads, ObjectMapper json, Registry registry) {
        this.inboxes = inboxes;
        this.delivery = delivery;
        this.deadLetters = deadLetters;
        this.payloads = payloads;
        this.json = json;
        this.registry = registry;
    }

    @Override
    public String kind() {
        return DeliveryChannel.FileInbox.KIND;
    }

    @Override
    public void check(Mailbox mailbox) {
        inboxes.serverOf(mailbox);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String messageId = exchange.getIn().getHeader(KurirHeaders.MESSAGE_ID, String.class);
        var waiting = delivery.startingAttempt(messageId);
        if (waiting.isEmpty()) {
            return;
        }
        MessageRecord message = waiting.get();
        FileServer server = inboxes.serverOf(registry.mailbox(message.recipient()).orElseThrow());
        try (InputStream in = payloads.open(message.payload().sha256())) {
            inboxes.write(server, in, fileName(message), json.writeValueAsBytes(manifest(message)));
        } catch (Exception e) {
            deadLetters.attemptFailed(messageId, "file inbox: " + e.getMessage());
            throw e;
        }
    }

    private static LinkedHashMap<String, Object> manifest(MessageRecord message) {
        var manifest = new LinkedHashMap<String, Object>();
        manifest.put("messageId", message.messageId());
        manifest.put("sender", message.sender());
        manifest.put("receivedAt", message.receivedAt().toString());
        manifest.put("mediaType", message.mediaType());
        manifest.put("envelope", message.envelope());
        return manifest;
    }

    /** {@code <messageId>-<the sender's file name>} when the sender gave a safe one, else the message id. */
    private static String fileName(MessageRecord message) {
        String original = message.envelope().metadata().get("fileName");
        return original != null && SAFE_NAME.matcher(original).matches()
                ? message.messageId() + "-" + original
                : message.messageId();
    }
}
