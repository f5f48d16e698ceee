package se.kurir.adapter.push;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param connectTimeout how long to wait for the participant's endpoint to accept the connection
 * @param requestTimeout how long one attempt may take in all; a slow endpoint then counts as a failure
 */
@Validated
@ConfigurationProperties("kurir.push")
record PushProperties(@NotNull Duration connectTimeout, @NotNull Duration requestTimeout) {
}
