package se.kurir.payload;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param directory root of the content-addressed store
 * @param defaultMaxSize limit for a payload whose product is unknown (it is rejected by policy, but arrives first)
 */
@Validated
@ConfigurationProperties("kurir.payload")
record PayloadProperties(@NotNull Path directory, @NotNull DataSize defaultMaxSize) {
}
