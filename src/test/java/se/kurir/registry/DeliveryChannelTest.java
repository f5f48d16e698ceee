package se.kurir.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryChannelTest {

    @Test
    void theKindsTheCoreKnowsAreReadWithTheirSettings() {
        assertThat(DeliveryChannel.of(Map.of("kind", "push", "url", "https://pm.example/in")))
                .isEqualTo(new DeliveryChannel.Push("https://pm.example/in"));
        assertThat(DeliveryChannel.of(Map.of("kind", "broker-outbox"))).isEqualTo(new DeliveryChannel.BrokerOutbox());
        assertThat(DeliveryChannel.of(Map.of("kind", "file-inbox", "server", "skv-inbox")))
                .isEqualTo(new DeliveryChannel.FileInbox("skv-inbox"));
        assertThat(DeliveryChannel.of(null)).isEqualTo(new DeliveryChannel.Pull());
    }

    @Test
    void aBlankEndpointMeansPullSoOneSeedServesNodesWithAndWithoutIt() {
        assertThat(DeliveryChannel.of(Map.of("kind", "push", "url", ""))).isEqualTo(new DeliveryChannel.Pull());
        assertThat(DeliveryChannel.of(Map.of("kind", "file-inbox", "server", " ")))
                .isEqualTo(new DeliveryChannel.Pull());
    }

    @Test
    void anUnknownKindIsAPluggedChannelWithItsOptions() {
        DeliveryChannel channel = DeliveryChannel.of(Map.of("kind", "shs", "address", "urn:X-shs:2021005448"));
        assertThat(channel).isEqualTo(new DeliveryChannel.Plugged("shs", Map.of("address", "urn:X-shs:2021005448")));
        assertThat(channel.settings()).containsExactly(Map.entry("kind", "shs"),
                Map.entry("address", "urn:X-shs:2021005448"));
    }

    @Test
    void settingsRoundTripAsTheRegistryTableStoresThem() {
        for (DeliveryChannel channel : new DeliveryChannel[] {new DeliveryChannel.Pull(),
            new DeliveryChannel.Push("https://pm.example/in"), new DeliveryChannel.BrokerOutbox(),
            new DeliveryChannel.FileInbox("skv-inbox"), new DeliveryChannel.Plugged("sdk", Map.of("domain", "x"))}) {
            assertThat(DeliveryChannel.of(channel.settings())).isEqualTo(channel);
        }
    }

    @Test
    void aMistakeNamesTheSetting() {
        assertThatThrownBy(() -> DeliveryChannel.of(Map.of("kind", "push", "url", "ftp://pm.example")))
                .hasMessage("delivery.url must be an http(s) URL, was ftp://pm.example");
        assertThatThrownBy(() -> DeliveryChannel.of(Map.of("kind", "broker-outbox", "url", "https://x.example")))
                .hasMessage("delivery.url is not a setting of kind broker-outbox (allowed: none)");
        assertThatThrownBy(() -> DeliveryChannel.of(Map.of("kind", "push", "url", "https://x.example", "uri", "y")))
                .hasMessage("delivery.uri is not a setting of kind push (allowed: url)");
        assertThatThrownBy(() -> DeliveryChannel.of(Map.of("url", "https://x.example")))
                .hasMessage("delivery.kind must be a short lower-case name, was null");
    }

    @Test
    void aPluggedKindsTransportChecksItsSettingsTheSameWay() {
        var shs = new DeliveryChannel.Plugged("shs", Map.of("url", "ftp://node.example", "node", "x"));
        assertThatThrownBy(() -> shs.only("url"))
                .hasMessage("delivery.node is not a setting of kind shs (allowed: url)");
        assertThatThrownBy(() -> shs.httpUrl("url"))
                .hasMessage("delivery.url must be an http(s) URL, was ftp://node.example");
        var sdk = new DeliveryChannel.Plugged("sdk", Map.of("url", "https://mt.example/sdk/v1/envelopes"));
        assertThat(sdk.only("url")).containsEntry("url", "https://mt.example/sdk/v1/envelopes");
        assertThat(sdk.httpUrl("url")).isEqualTo("https://mt.example/sdk/v1/envelopes");
    }
}
