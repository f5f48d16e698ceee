package se.kurir.adapter.sftp;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.Endpoint;
import org.apache.camel.component.file.remote.RemoteFileEndpoint;
import org.apache.camel.support.DefaultComponent;
import org.springframework.stereotype.Component;

/**
 * {@code kurir-file-outbox:<name>?participant=&server=&delay=&maxMessagesPerPoll=}: the polled directory of one
 * outbox, as the {@code file-outbox} route template uses it. It resolves the server by name, so secrets stay in
 * configuration and out of every URI, and it fixes what a pickup relies on (nothing is moved before the exchange has
 * succeeded, the stream is not cached, only manifests and the data files whose manifest was read are taken, and a
 * poll starts only under the node's lease on the outbox, so nodes that all declare it poll it one at a time); an
 * option beyond the polling ones is refused rather than let through to camel-ftp.
 */
@Component(FileOutboxComponent.SCHEME)
final class FileOutboxComponent extends DefaultComponent {

    static final String SCHEME = "kurir-file-outbox";
    private static final Set<String> POLLING = Set.of("delay", "maxMessagesPerPoll");

    private final FileOutboxes outboxes;
    private final FilePickupRepository pickups;
    private final OutboxLeases leases;

    FileOutboxComponent(FileOutboxes outboxes, FilePickupRepository pickups, OutboxLeases leases) {
        this.outboxes = outboxes;
        this.pickups = pickups;
        this.leases = leases;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        String participant = getAndRemoveParameter(parameters, "participant", String.class);
        String server = getAndRemoveParameter(parameters, "server", String.class);
        FileOutbox outbox = outboxes.declare(remaining, participant, server);
        StringBuilder options = new StringBuilder("&readLock=none&streamDownload=true&move=")
                .append(FileExchange.MOVE_TO_FOLDER);
        for (String option : new TreeSet<>(parameters.keySet())) {
            if (!POLLING.contains(option)) {
                throw new IllegalArgumentException("file outbox " + outbox.name() + ": " + option + " is not a "
                        + "setting of a file outbox (settings: participant, server, " + String.join(", ",
                        new TreeSet<>(POLLING)) + ")");
            }
            options.append('&').append(option).append('=').append(parameters.get(option));
        }
        parameters.clear();
        RemoteFileEndpoint<?> endpoint = outbox.server().endpoint(getCamelContext(), options.toString());
        endpoint.setFilter(new OutboxFileFilter<>(outbox.name(), pickups));
        endpoint.setPollStrategy(leases.strategyFor(outbox.name()));
        outboxes.polledBy(endpoint, outbox);
        return endpoint;
    }
}
