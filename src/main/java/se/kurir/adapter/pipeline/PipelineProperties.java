package se.kurir.adapter.pipeline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
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
 * @param mailboxConsumers concurrent consumers per mailbox queue: their transactions share the broker's disk syncs;
 *     this also bounds the threads a slow push endpoint can hold
 * @param mailboxRun most messages a pull mailbox's consumer delivers in one broker transaction (and one database
 *     commit), when that many are queued; 1 delivers one at a time
 * @param redelivery how a mailbox queue retries a failed delivery before it dead-letters the message
 * @param claimTimeout how long a submission's duplicate claim holds before a retry may take it over: longer than the
 *     slowest admission (a bulk payload sealed), short enough that a sender whose request died with its node can
 *     send again
 */
@Validated
@ConfigurationProperties("kurir.pipeline")
record PipelineProperties(@NotNull String queuePrefix, boolean consumersAutoStart, @NotNull Duration requeueAfter,
        @Min(1) @Max(10_000) int requeueBatch, @Min(1) @Max(64) int mailboxConsumers,
        @Min(1) @Max(500) int mailboxRun, @NotNull @Valid Redelivery redelivery, @NotNull Duration claimTimeout) {

    /** @param maxAttempts attempts in all, the first included, before the message is dead-lettered */
    record Redelivery(@Min(1) @Max(1000) int maxAttempts, @NotNull Duration initialDelay,
            @DecimalMin("1.0") double multiplier, @NotNull Duration maxDelay) {
    }
}
