package se.kurir.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxBatch most records committed in one transaction
 * @param commitTimeout how long a caller waits for its record's commit before the request fails
 */
@Validated
@ConfigurationProperties("kurir.audit")
public record AuditProperties(@Min(1) @Max(10_000) int maxBatch, @NotNull Duration commitTimeout) {
}
