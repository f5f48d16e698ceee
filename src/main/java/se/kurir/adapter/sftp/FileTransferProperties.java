package se.kurir.adapter.sftp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bulk file exchange ({@code kurir.files}).
 *
 * Which outboxes are polled is declared in {@code routes/files/} ({@link FileOutboxRoutes}); an unknown key here (the
 * {@code outboxes} list of earlier releases, a misspelling) stops the node rather than leave an outbox unpolled.
 *
 * @param maxManifestSize the largest manifest read; a larger one is refused to error/ without being read
 * @param servers directories on file servers, by name: a file outbox in {@code routes/files/} polls one, and a
 *     mailbox whose registry entry is {@code {kind: file-inbox, server: <name>}} is delivered to one; credentials
 *     belong here, not in the route files or the seed
 * @param subscriptionWindow SFTP_BATCH subscriptions: how long the events of one batch file are collected
 * @param subscriptionBatchEvents SFTP_BATCH subscriptions: the most events in one batch file (a file is built in
 *     memory: events are at most kurir.subscriptions.max-event-size each)
 * @param outboxLease how long a node's claim to poll an outbox lasts unless it polls again ({@link OutboxLeases}):
 *     longer than the slowest poll, since a poll that outlasts it lets another node read the same files
 */
@Validated
@ConfigurationProperties(prefix = "kurir.files", ignoreUnknownFields = false)
public record FileTransferProperties(@NotNull @DefaultValue("64KB") DataSize maxManifestSize,
        @DefaultValue Map<String, @Valid FileServer> servers,
        @NotNull @DefaultValue("1h") Duration subscriptionWindow,
        @Min(1) @Max(100_000) @DefaultValue("1000") int subscriptionBatchEvents,
        @NotNull @DefaultValue("5m") Duration outboxLease) {

    public Optional<FileServer> server(String name) {
        return Optional.ofNullable(servers.get(name));
    }
}
