package se.kurir.adapter.pipeline;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param queuePrefix prefix of each mailbox's Artemis queue; the mailbox address follows
 * @param consumersAutoStart whether mailbox consumers start with the application (off only to hold messages queued)
 * @param requeueAfter how long an accepted message may stay undelivered before it is queued again
 * @param requeueBatch most messages requeued per run
 * @param mailboxConsumers concurrent consumers per mailbox queue: their transactions share the broker's disk syncs
 */
@Validated
@ConfigurationProperties("kurir.pipeline")
record PipelineProperties(@NotNull String queuePrefix, boolean consumersAutoStart, @NotNull Duration requeueAfter,
        @Min(1) @Max(10_000) int requeueBatch, @Min(1) @Max(64) int mailboxConsumers) {
}
