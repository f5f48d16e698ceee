package se.kurir.adapter.sftp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bulk file exchange ({@code kurir.files}).
 *
 * @param pollInterval how often each outbox is listed
 * @param maxManifestSize the largest manifest read; a larger one is refused to error/ without being read
 * @param outboxes directories the gateway polls; what lands there is sent as the participant named
 * @param servers directories the gateway delivers to, by name: a mailbox whose registry entry is
 *     {@code {kind: file-inbox, server: <name>}} is delivered to that directory; credentials belong here, not in the seed
 * @param subscriptionWindow SFTP_BATCH subscriptions: how long the events of one batch file are collected
 * @param subscriptionBatchEvents SFTP_BATCH subscriptions: the most events in one batch file (a file is built in
 *     memory: events are at most kurir.subscriptions.max-event-size each)
 */
@Validated
@ConfigurationProperties("kurir.files")
public record FileTransferProperties(@DefaultValue("5s") Duration pollInterval,
        @NotNull @DefaultValue("64KB") DataSize maxManifestSize,
        @DefaultValue List<@Valid Outbox> outboxes, @DefaultValue Map<String, @Valid FileServer> servers,
        @NotNull @DefaultValue("1h") Duration subscriptionWindow,
        @Min(1) @Max(100_000) @DefaultValue("1000") int subscriptionBatchEvents) {

    /** @param name part of the route id, {@code file-outbox-<name>}; letters, digits and dashes */
    public record Outbox(@NotBlank String name, @NotBlank String participant, @NotNull @Valid FileServer server) {
    }

    public Optional<FileServer> server(String name) {
        return Optional.ofNullable(servers.get(name));
    }
}
