package se.kurir.payload;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param directory root of the content-addressed store
 * @param defaultMaxSize limit for a payload whose product is unknown (it is rejected by policy, but arrives first)
 * @param uploadExpiry how long a resumable upload may stay incomplete before its bytes are removed
 * @param inlineMaxSize payloads up to this size are kept in the database row written with their message, not as a
 *     file; larger ones (and every resumable upload) go to the file store
 */
@Validated
@ConfigurationProperties("kurir.payload")
record PayloadProperties(@NotNull Path directory, @NotNull DataSize defaultMaxSize, @NotNull Duration uploadExpiry,
        @NotNull DataSize inlineMaxSize) {
}
