package se.kurir.adapter.rest;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The REST API's own limits.
 *
 * @param maxRequestBody the largest bound body (JSON, PEM) read before it is refused with 413
 */
@Validated
@ConfigurationProperties("kurir.rest")
record RestProperties(@NotNull @DefaultValue("1MB") DataSize maxRequestBody) {
}
