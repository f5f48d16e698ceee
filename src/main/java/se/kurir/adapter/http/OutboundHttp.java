package se.kurir.adapter.http;

import jakarta.validation.constraints.NotNull;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;
import se.kurir.security.OutboundTls;

/**
 * The one HTTP client of the gateway's calls to agency systems: message push, subscription push and request/reply.
 * One client, so one connection pool per endpoint and one TLS set-up ({@code kurir.outbound-tls}); each call sets its
 * own overall timeout.
 */
@Component
class OutboundHttp {

    /** @param connectTimeout how long to wait for an agency endpoint to accept the connection */
    @Validated
    @ConfigurationProperties("kurir.outbound-http")
    record Properties(@NotNull @DefaultValue("5s") Duration connectTimeout) {
    }

    private final HttpClient client;

    OutboundHttp(Properties properties, OutboundTls tls) {
        this.client = tls.httpClient(properties.connectTimeout()).build();
    }

    HttpClient client() {
        return client;
    }
}
