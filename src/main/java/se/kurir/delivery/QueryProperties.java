package se.kurir.delivery;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param timeout how long the requester waits for the reply in all; then the request fails with QUERY_TIMEOUT
 * @param maxSize the largest query and the largest reply; real-time access is for small answers, files go as messages
 */
@Validated
@ConfigurationProperties("kurir.requests")
public record QueryProperties(@NotNull Duration timeout, @NotNull DataSize maxSize) {
}
