package se.kurir.adapter.sdk;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param product the Kurir product SDK messages travel as: its size limit is SDK's (30 MB), and agreements on it with
 *     SDK terms say who may send them to whom under which legal basis
 * @param listLimit how many messages a list answers at most
 */
@Validated
@ConfigurationProperties("kurir.sdk")
record SdkProperties(@NotBlank String product, @Min(1) @Max(10_000) int listLimit) {
}
