package se.kurir.adapter.sftp;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.camel.Endpoint;
import org.springframework.stereotype.Component;
import se.kurir.registry.Registry;

/**
 * The file outboxes the operator's route files declare, checked as each is declared: a name used twice, a participant
 * the registry does not know or a server {@code kurir.files.servers} does not name stops the node with the setting
 * named and the file and line of the declaration.
 */
@Component
class FileOutboxes {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final Registry registry;
    private final FileTransferProperties properties;
    private final OutboxDeclarations declarations;
    private final Map<String, FileOutbox> byName = new ConcurrentHashMap<>();
    private final Map<Endpoint, FileOutbox> byEndpoint = new ConcurrentHashMap<>();

    FileOutboxes(Registry registry, FileTransferProperties properties, OutboxDeclarations declarations) {
        this.registry = registry;
        this.properties = properties;
        this.declarations = declarations;
    }

    FileOutbox declare(String name, String participant, String server) {
        try {
            return check(name, participant, server);
        } catch (IllegalArgumentException e) {
            String where = name == null ? "" : declarations.of(name).map(at -> " (declared at " + at + ")").orElse("");
            throw new IllegalArgumentException(e.getMessage() + where, e);
        }
    }

    private FileOutbox check(String name, String participant, String server) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("file outbox: outbox must be lower-case letters, digits and dashes, "
                    + "was " + name);
        }
        if (participant == null || registry.participant(participant).isEmpty()) {
            throw new IllegalArgumentException("file outbox " + name + ": participant " + participant
                    + " is not in the registry");
        }
        FileServer directory = properties.server(server == null ? "" : server).orElseThrow(() ->
                new IllegalArgumentException("file outbox " + name + ": server " + server + " is not one of "
                        + "kurir.files.servers (configured: " + String.join(", ", properties.servers().keySet())
                        + ")"));
        FileOutbox outbox = new FileOutbox(name, participant, directory);
        FileOutbox earlier = byName.putIfAbsent(name, outbox);
        if (earlier != null && !earlier.equals(outbox)) {
            throw new IllegalArgumentException("file outbox " + name + " is declared twice");
        }
        return outbox;
    }

    /** Remembers which outbox an endpoint polls, for the exchanges it makes. */
    void polledBy(Endpoint endpoint, FileOutbox outbox) {
        byEndpoint.put(endpoint, outbox);
    }

    Optional<FileOutbox> of(Endpoint endpoint) {
        return Optional.ofNullable(byEndpoint.get(endpoint));
    }
}
