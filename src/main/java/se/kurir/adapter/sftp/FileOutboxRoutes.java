package se.kurir.adapter.sftp;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The route template {@code file-outbox}: what an outbox poll does with what it takes. Which outboxes there are, as
 * which participant each sends and how often it is polled is the operator's, in {@code routes/files/}: one
 * {@code templatedRoute} per outbox, route id {@code file-outbox-<outbox>}. A manifest (the done file, written last)
 * is read and records what its data file is to become; a data file whose manifest was read is streamed into the
 * payload store and the pipeline. What was taken moves to {@code archive/<pickup>/} or {@code error/<pickup>/} only
 * when the exchange has succeeded, so a file is never removed before the gateway holds it durably, and a failed
 * transfer leaves it in place for the next poll.
 */
@Component
final class FileOutboxRoutes extends RouteBuilder {

    static final String TEMPLATE = "file-outbox";

    private final FileOutboxes outboxes;
    private final ReadManifestProcessor readManifest;
    private final FindPickupProcessor findPickup;
    private final StorePayloadProcessor storePayload;
    private final SubmitFileProcessor submitFile;

    FileOutboxRoutes(FileOutboxes outboxes, ReadManifestProcessor readManifest, FindPickupProcessor findPickup,
            StorePayloadProcessor storePayload, SubmitFileProcessor submitFile) {
        this.outboxes = outboxes;
        this.readManifest = readManifest;
        this.findPickup = findPickup;
        this.storePayload = storePayload;
        this.submitFile = submitFile;
    }

    @Override
    public void configure() {
        routeTemplate(TEMPLATE)
                .templateParameter("outbox", null, "the outbox's name: lower-case letters, digits and dashes")
                .templateParameter("participant", null, "the organisation number the outbox's files are sent as")
                .templateParameter("server", null, "the name of its directory in kurir.files.servers")
                .templateParameter("pollInterval", "5s", "how often the directory is listed")
                .templateParameter("maxFilesPerPoll", "20", "the most files one listing takes")
                .from(FileOutboxComponent.SCHEME + ":{{outbox}}?participant={{participant}}&server={{server}}"
                        + "&delay={{pollInterval}}&maxMessagesPerPoll={{maxFilesPerPoll}}")
                .routeConfigurationId(FilePickupRouteConfiguration.FILE_PICKUP)
                .noStreamCaching() // a cached stream would hold the file in memory or spool it a second time
                .process(this::nameOutbox)
                .choice()
                    .when(exchange -> OutboxFileFilter.isManifest(exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY,
                            String.class)))
                        .process(readManifest).id("file-outbox-{{outbox}}-manifest")
                    .otherwise()
                        .process(findPickup).id("file-outbox-{{outbox}}-find")
                        .filter(exchange -> waiting(FileExchange.pickup(exchange)))
                            .process(storePayload).id("file-outbox-{{outbox}}-store")
                        .end()
                        .filter(exchange -> waiting(FileExchange.pickup(exchange)))
                            .process(submitFile).id("file-outbox-{{outbox}}-submit")
                        .end()
                .end();
    }

    private void nameOutbox(Exchange exchange) {
        exchange.setProperty(FileExchange.OUTBOX, outboxes.of(exchange.getFromEndpoint()).orElseThrow());
    }

    private static boolean waiting(FilePickup pickup) {
        return pickup.state() == FilePickup.State.WAITING;
    }
}
