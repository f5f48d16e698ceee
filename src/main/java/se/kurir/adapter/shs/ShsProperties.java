package se.kurir.adapter.shs;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param nodeId how this gateway names itself to SHS clients ({@code X-shs-nodeid})
 * @param labelMaxBytes the largest label the receive service reads; the whole label is read, never a prefix of it
 */
@Validated
@ConfigurationProperties("kurir.shs")
record ShsProperties(@NotBlank String nodeId, @Min(1024) @Max(16 * 1024 * 1024) int labelMaxBytes) {
}
