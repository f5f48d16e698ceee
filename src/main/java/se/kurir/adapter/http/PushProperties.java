package se.kurir.adapter.http;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param requestTimeout how long one attempt may take in all; a slow endpoint then counts as a failure
 */
@Validated
@ConfigurationProperties("kurir.push")
record PushProperties(@NotNull Duration requestTimeout) {
}
