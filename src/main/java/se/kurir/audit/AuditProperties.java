package se.kurir.audit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxBatch most records committed in one transaction
 * @param commitTimeout how long a caller waits for its record's commit before the request fails
 * @param checkpoints when the node signs the head of the chain
 */
@Validated
@ConfigurationProperties("kurir.audit")
public record AuditProperties(@Min(1) @Max(10_000) int maxBatch, @NotNull Duration commitTimeout,
        @NotNull @DefaultValue @Valid Checkpoints checkpoints) {

    /**
     * @param every a checkpoint at the latest after this many records
     * @param interval and at the latest this long after the last one, when records were written since
     * @param keyAlias the node's own key in its keystore ({@code kurir.crypto.keystore}) that signs them; none: the
     *     chain is not signed (a warning at start-up)
     */
    public record Checkpoints(@Min(1) @DefaultValue("1000") int every, @NotNull @DefaultValue("1m") Duration interval,
            String keyAlias) {
    }
}
