package se.kurir.adapter.sftp;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.remote.RemoteFileEndpoint;
import org.springframework.stereotype.Component;

/**
 * Two routes per outbox. {@code file-outbox-<name>-manifests} reads each manifest (the done file, written last) and
 * records what its data file is to become; {@code file-outbox-<name>} then streams each data file whose manifest has
 * been read into the payload store and the pipeline. Both move what they took to {@code archive/<pickup>/} or
 * {@code error/<pickup>/} only when the exchange has succeeded, so a file is never removed before the gateway holds it
 * durably, and a failed transfer leaves it in place for the next poll.
 */
@Component
final class FileOutboxRoutes extends RouteBuilder {

    private final FileTransferProperties properties;
    private final FilePickupRepository pickups;
    private final ReadManifestProcessor readManifest;
    private final FindPickupProcessor findPickup;
    private final StorePayloadProcessor storePayload;
    private final SubmitFileProcessor submitFile;

    FileOutboxRoutes(FileTransferProperties properties, FilePickupRepository pickups,
            ReadManifestProcessor readManifest, FindPickupProcessor findPickup, StorePayloadProcessor storePayload,
            SubmitFileProcessor submitFile) {
        this.properties = properties;
        this.pickups = pickups;
        this.readManifest = readManifest;
        this.findPickup = findPickup;
        this.storePayload = storePayload;
        this.submitFile = submitFile;
    }

    @Override
    public void configure() {
        long delay = properties.pollInterval().toMillis();
        for (FileTransferProperties.Outbox outbox : properties.outboxes()) {
            String id = "file-outbox-" + outbox.name();
            String polled = "&delay=" + delay + "&readLock=none&maxMessagesPerPoll=20&move="
                    + FileExchange.MOVE_TO_FOLDER + "&streamDownload=true";

            from(outbox.server().endpoint(getContext(), polled + "&include=RAW(" + ReadManifestProcessor.MANIFEST_NAMES
                    + ")"))
                    .routeId(id + "-manifests")
                    .routeConfigurationId(FilePickupRouteConfiguration.FILE_PICKUP)
                    .noStreamCaching() // read up to the manifest limit from the stream, never the whole file
                    .setProperty(FileExchange.OUTBOX, constant(outbox))
                    .process(readManifest).id(id + "-manifests-read");

            RemoteFileEndpoint<?> dataFiles = outbox.server().endpoint(getContext(), polled);
            dataFiles.setFilter(new ManifestedFileFilter<>(outbox.name(), pickups));
            from(dataFiles)
                    .routeId(id)
                    .routeConfigurationId(FilePickupRouteConfiguration.FILE_PICKUP)
                    .noStreamCaching() // a cached stream would hold the file in memory or spool it a second time
                    .setProperty(FileExchange.OUTBOX, constant(outbox))
                    .process(findPickup).id(id + "-find")
                    .filter(exchange -> waiting(FileExchange.pickup(exchange)))
                        .process(storePayload).id(id + "-store")
                    .end()
                    .filter(exchange -> waiting(FileExchange.pickup(exchange)))
                        .process(submitFile).id(id + "-submit")
                    .end();
        }
    }

    private static boolean waiting(FilePickup pickup) {
        return pickup.state() == FilePickup.State.WAITING;
    }
}
