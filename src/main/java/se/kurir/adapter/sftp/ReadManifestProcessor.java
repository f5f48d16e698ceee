package se.kurir.adapter.sftp;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import se.kurir.envelope.Envelope;
import se.kurir.envelope.InvalidEnvelopeException;
import se.kurir.envelope.JsonEnvelopeReader;
import se.kurir.envelope.XmlEnvelopeReader;

/**
 * Reads a manifest ({@code <file>.manifest.json} or {@code .manifest.xml}: the envelope of the data file beside it)
 * and records what the data file is waiting to become. The manifest is the done file: a sender writes it last, so a
 * data file is never taken before it is complete. An unreadable or invalid manifest refuses the data file.
 */
@Component
final class ReadManifestProcessor implements Processor {

    static final String MANIFEST_NAMES = "[A-Za-z0-9][A-Za-z0-9._-]{0,200}\\.manifest\\.(json|xml)";
    private static final Pattern MANIFEST = Pattern.compile("(.+)\\.manifest\\.(json|xml)");

    private final JsonEnvelopeReader json;
    private final XmlEnvelopeReader xml;
    private final FilePickupRepository pickups;
    private final FileRefusals refusals;
    private final int manifestLimit;

    ReadManifestProcessor(JsonEnvelopeReader json, XmlEnvelopeReader xml, FilePickupRepository pickups,
            FileRefusals refusals, FileTransferProperties properties) {
        this.json = json;
        this.xml = xml;
        this.pickups = pickups;
        this.refusals = refusals;
        this.manifestLimit = (int) properties.maxManifestSize().toBytes();
    }

    /**
     * The message id when the manifest names none: derived from the outbox, the manifest's name, content and time on
     * the server, so the same manifest read twice (a retry, or two nodes polling one outbox) is one message, while
     * next month's file of the same name is another.
     */
    private static String messageIdOf(Exchange exchange, FileOutbox outbox, byte[] manifest) {
        var identity = new ByteArrayOutputStream();
        identity.writeBytes((outbox.name() + "/" + exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY) + "/"
                + exchange.getIn().getHeader(Exchange.FILE_LAST_MODIFIED) + "/").getBytes(StandardCharsets.UTF_8));
        identity.writeBytes(manifest);
        return UUID.nameUUIDFromBytes(identity.toByteArray()).toString();
    }

    private static byte[] readAtMost(Exchange exchange, int bytes) throws Exception {
        try (InputStream in = exchange.getIn().getMandatoryBody(InputStream.class)) {
            return in.readNBytes(bytes);
        }
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        FileOutbox outbox = FileExchange.outbox(exchange);
        Matcher name = MANIFEST.matcher(exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class));
        if (!name.matches()) {
            throw new IllegalStateException("not a manifest: the route's include pattern lets through only manifests");
        }
        String dataFile = name.group(1);
        String pickupId = UUID.randomUUID().toString();
        // Streamed: a manifest over the limit is refused on its listed length, or after limit + 1 bytes, never read
        // whole.
        Long listed = exchange.getIn().getHeader(Exchange.FILE_LENGTH, Long.class);
        byte[] manifest = listed != null && listed > manifestLimit ? null : readAtMost(exchange, manifestLimit + 1);
        if (manifest == null || manifest.length > manifestLimit) {
            refusals.refuse(exchange, FilePickup.unreadable(outbox.name(), dataFile, pickupId).refusing(
                    FileProblem.MANIFEST_TOO_LARGE, "manifest: larger than " + manifestLimit + " bytes "
                            + "(kurir.files.max-manifest-size)"), false);
            return;
        }
        Envelope envelope;
        try {
            envelope = ("xml".equals(name.group(2)) ? xml.read(manifest) : json.read(manifest))
                    .withAssignedIds(messageIdOf(exchange, outbox, manifest))
                    .withMetadataIfAbsent("fileName", dataFile);
        } catch (InvalidEnvelopeException e) {
            var first = e.violations().get(0);
            refusals.refuse(exchange, FilePickup.unreadable(outbox.name(), dataFile, pickupId).refusing(e.code(),
                    "manifest " + first.field() + ": " + first.message()), false);
            return;
        }
        FilePickup pickup = FilePickup.waiting(outbox.name(), dataFile, pickupId, envelope);
        pickups.save(pickup);
        exchange.setProperty(FileExchange.PICKUP, pickup);
        exchange.setProperty(FileExchange.FOLDER, pickup.folder());
    }
}
