package se.kurir.adapter.sftp;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.kurir.audit.AuditEvent;
import se.kurir.audit.AuditEventType;
import se.kurir.audit.AuditLog;

/**
 * Refuses a file of an outbox: records why, writes {@code error/<pickup>/<file>.reason.txt} next to where the files
 * are moved, and audits it. Nothing refused is deleted: the sender finds its files and the reason in error/.
 */
@Component
class FileRefusals {

    private static final Logger log = LoggerFactory.getLogger(FileRefusals.class);

    private final FilePickupRepository pickups;
    private final ProducerTemplate producer;
    private final AuditLog audit;

    FileRefusals(FilePickupRepository pickups, ProducerTemplate producer, AuditLog audit) {
        this.pickups = pickups;
        this.producer = producer;
        this.audit = audit;
    }

    /**
     * @param refused the pickup as refused: {@link FilePickup#refusing} when the manifest is refused,
     *     {@link FilePickup#failing} when the data file is in hand
     * @param audited whether the pipeline already audited the refusal as a rejected message
     */
    void refuse(Exchange exchange, FilePickup refused, boolean audited) {
        FileOutbox outbox = FileExchange.outbox(exchange);
        pickups.save(refused);
        String text = "file: " + refused.fileName() + "\npickup: " + refused.pickupId() + "\ncode: "
                + refused.reasonCode() + "\nreason: " + refused.reason() + "\n";
        // Written under a temporary name and renamed, so a sender polling error/ never reads half a reason.
        producer.sendBodyAndHeader(outbox.server().endpoint(producer.getCamelContext(),
                        "&tempFileName=${file:onlyname}.part"),
                text.getBytes(StandardCharsets.UTF_8),
                Exchange.FILE_NAME, refused.folder() + "/" + refused.fileName() + ".reason.txt");
        if (!audited) {
            var envelope = refused.envelope();
            audit.append(new AuditEvent(AuditEventType.FILE_REFUSED, "gateway",
                    envelope == null ? null : envelope.messageId(), outbox.participant(),
                    envelope == null ? null : envelope.recipient(), envelope == null ? null : envelope.product(),
                    refused.reasonCode(), envelope == null ? null : envelope.legalBasis().summary(),
                    Map.of("outbox", outbox.name(), "file", refused.fileName(), "pickup", refused.pickupId())));
        }
        log.warn(FileLogCode.FILE_REFUSED + " file {} of outbox {} refused ({}); moved to {}",
                refused.fileName(), outbox.name(), refused.reasonCode(), refused.folder());
        exchange.setProperty(FileExchange.PICKUP, refused);
        exchange.setProperty(FileExchange.FOLDER, refused.folder());
    }
}
