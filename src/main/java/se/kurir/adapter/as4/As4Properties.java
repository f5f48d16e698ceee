package se.kurir.adapter.as4;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The AS4 bridge ({@code kurir.as4}): this node as an eDelivery AS4 access point. A blank {@code party-id} leaves the
 * bridge off: {@code /as4} answers 404 and no mailbox may use delivery kind {@code as4}.
 *
 * @param partyId this node's AS4 party id
 * @param keystore the node's AS4 key (PKCS#12): it signs what the node sends and decrypts what it receives
 * @param pmodes the processing modes agreed with partner access points, one per partner and product
 * @param timeout one hand-over to a partner, its receipt included
 */
@Validated
@ConfigurationProperties("kurir.as4")
record As4Properties(String partyId, @NotBlank String partyIdType, @Valid @NotNull Keystore keystore,
        @Valid @NotNull List<PModeSettings> pmodes, @NotNull Duration timeout) {

    As4Properties {
        pmodes = List.copyOf(pmodes);
    }

    boolean enabled() {
        return partyId != null && !partyId.isBlank();
    }

    /** The password comes from the environment in production ({@code KURIR_AS4_KEYSTORE_PASSWORD}). */
    record Keystore(String path, String password, String alias) {

        @Override
        public String toString() {
            return "Keystore[path=" + path + ", alias=" + alias + "]";
        }
    }

    /**
     * One agreement with a partner access point, the eDelivery way: who, where, which service and action, and which
     * Kurir product the traffic is.
     *
     * @param partnerCertificate PEM file of the partner's AS4 certificate: the only key its messages and receipts may
     *     be signed with, and the one what is sent to it is encrypted for
     * @param senders the organisations (org numbers) the partner may send for ({@code originalSender})
     */
    record PModeSettings(@NotBlank String id, @NotBlank String partnerPartyId, @NotBlank String partnerUrl,
            @NotBlank String partnerCertificate, @NotBlank String service, @NotBlank String action,
            @NotBlank String product, @NotNull List<String> senders) {

        PModeSettings {
            senders = List.copyOf(senders);
        }
    }
}
