package se.kurir.ops;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param failStopTimeout how long a node whose broker failed may take to shut down before it halts
 * @param failStopDrain how long the requests in flight at that moment may take to be answered before the node closes
 *        its connections (above {@code kurir.broker.call-timeout}, the longest a request waits for the broker)
 */
@Validated
@ConfigurationProperties("kurir.ops")
record OpsProperties(@NotNull @DefaultValue("15s") Duration failStopTimeout,
        @NotNull @DefaultValue("6s") Duration failStopDrain) {
}
