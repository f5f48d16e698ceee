package se.kurir.adapter.shs;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param nodeId how this gateway names itself to SHS clients ({@code X-shs-nodeid})
 * @param labelMaxBytes the largest label the receive service reads; the whole label is read, never a prefix of it
 * @param sentMaxBatch how many messages' {@code shs_sent} rows concurrent requests share one commit for
 * @param sentCommitTimeout how long a request waits for that commit before it fails
 * @param forwardConnectTimeout how long a mailbox of delivery kind {@code shs} waits for the other SHS node to accept
 *     the connection
 * @param forwardTimeout how long one forwarding may take in all, the data parts included
 */
@Validated
@ConfigurationProperties("kurir.shs")
record ShsProperties(@NotBlank String nodeId, @Min(1024) @Max(16 * 1024 * 1024) int labelMaxBytes,
        @Min(1) @Max(10_000) int sentMaxBatch, @NotNull Duration sentCommitTimeout,
        @NotNull Duration forwardConnectTimeout, @NotNull Duration forwardTimeout) {
}
