package se.kurir.adapter.peer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Federation ({@code kurir.federation}). A blank {@code node-id} leaves this node out of any federation: no listener,
 * and no mailbox may have delivery kind {@code peer}. The peers themselves are in the registry's directory.
 *
 * @param nodeId this node's id in the other nodes' directories
 * @param port the federation listener: HTTPS that demands a client certificate, serving {@code /federation/} only
 * @param tls the node's key (listener and client certificate alike) and the CAs peers' certificates chain to
 * @param consumers forwards to one peer at a time; 1 keeps priority order strict, more trade it for throughput
 * @param retryAfter how long a peer that failed is left alone before the next message is tried
 * @param requestTimeout one forward, the payload streamed and the answer read
 * @param receiptInterval how often receipts of peers' messages are relayed back to them
 * @param receiptBatch receipts relayed to a peer in one request
 */
@Validated
@ConfigurationProperties("kurir.federation")
record FederationProperties(String nodeId, @Min(0) @Max(65535) int port, @Valid @NotNull Tls tls,
        @Min(1) @Max(64) int consumers, @NotNull Duration retryAfter, @NotNull Duration requestTimeout,
        @NotNull Duration receiptInterval, @Min(1) @Max(10_000) int receiptBatch) {

    boolean enabled() {
        return nodeId != null && !nodeId.isBlank();
    }

    /** PKCS#12 files; the passwords come from the environment in production. */
    record Tls(String keyStore, String keyStorePassword, String trustStore, String trustStorePassword) {

        @Override
        public String toString() {
            return "Tls[keyStore=" + keyStore + ", trustStore=" + trustStore + "]";
        }
    }
}
