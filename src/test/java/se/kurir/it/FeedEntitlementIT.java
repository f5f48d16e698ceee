package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kurir.support.Api;
import se.kurir.support.FeedEvents;
import se.kurir.support.KurirNode;

/**
 * What a subscriber receives is what its own agreement says, whoever else publishes on the product: a node whose seed
 * is the demo federation plus a second producer of the coordination-number feed (Migrationsverket, for Polisen) and a
 * Försäkringskassan entitled to two fields and not to the subject key.
 */
class FeedEntitlementIT {

    private static final String SKV = Api.SKATTEVERKET;
    private static final String FK = Api.FORSAKRINGSKASSAN;
    private static final String MV = Api.MIGRATIONSVERKET;
    private static final String PRODUCT = FeedEvents.SAMORDNINGSNUMMER;

    @TempDir
    static Path dir;
    static KurirNode node;
    static Api api;

    @BeforeAll
    static void start() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode seed = (ObjectNode) yaml.readTree(Path.of("config/registry/demo-federation.yml").toFile());
        ObjectNode skvFeed = null;
        for (JsonNode agreement : seed.get("agreements")) {
            if (agreement.get("id").asText().equals("skv-samordningsnummer-abonnemang")) {
                skvFeed = (ObjectNode) agreement;
            }
        }
        for (JsonNode consumer : skvFeed.get("consumers")) {
            if (consumer.get("participant").asText().equals("2021005521")) {
                ((ObjectNode) consumer).putArray("fields").add("samordningsnummer").add("handelse");
            }
        }
        ObjectNode second = skvFeed.deepCopy();
        second.put("id", "mv-samordningsnummer-polisen").put("producer", "2021002163");
        ArrayNode consumers = second.putArray("consumers");
        consumers.addObject().put("participant", "2021000076").putArray("mailboxes").add("2021000076.underrattelse");
        ((ArrayNode) seed.get("agreements")).add(second);
        Path seedFile = dir.resolve("federation.yml");
        yaml.writeValue(seedFile.toFile(), seed);
        node = KurirNode.start(dir.resolve("data"), Map.of("kurir.registry.seed", "file:" + seedFile));
        api = node.api();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void eachSubscriberGetsOnlyItsAgreementsProducerAndOnlyWhatItsFieldsName() {
        String fk = subscribe(FK, FeedEvents.pull(PRODUCT));
        String polisen = subscribe(Api.POLISEN, FeedEvents.pull(PRODUCT));

        long bySkatteverket = publish(SKV, FeedEvents.samordningsnummer(null, "TILLDELAT"));
        long byMigrationsverket = publish(MV, FeedEvents.samordningsnummer(null, "ANDRAT"));

        List<JsonNode> fkEvents = events(FK, fk);
        assertThat(fkEvents).extracting(e -> e.get("sequence").asLong()).containsExactly(bySkatteverket);
        JsonNode fkEvent = fkEvents.get(0);
        assertThat(fkEvent.has("subjectKey")).as("fields without subjectKey: no subject key").isFalse();
        assertThat(fieldNames(fkEvent.get("payload"))).containsExactlyInAnyOrder("samordningsnummer", "handelse");

        // No fields in Polisen's entry: the whole payload and the subject key, of its own producer's events only.
        List<JsonNode> polisenEvents = events(Api.POLISEN, polisen);
        assertThat(polisenEvents).extracting(e -> e.get("sequence").asLong()).containsExactly(byMigrationsverket);
        JsonNode polisenEvent = polisenEvents.get(0);
        assertThat(polisenEvent.get("subjectKey").asText()).isEqualTo(FeedEvents.SYNTHETIC_SAMORDNINGSNUMMER);
        assertThat(polisenEvent.at("/payload/identitetsstyrka").asText()).isEqualTo("STYRKT");
        assertThat(polisenEvent.at("/payload/namn/efternamn").asText()).isEqualTo("Tolvansson");
    }

    @Test
    void aSubscriberNotEntitledToTheSubjectKeyCannotFilterOnIt() {
        var filtered = api.post(FK, "/api/v1/subscriptions", FeedEvents.subscription(PRODUCT, "PULL",
                "\"filter\": {\"subjectKeys\": [\"" + FeedEvents.SYNTHETIC_SAMORDNINGSNUMMER + "\"]}"));
        assertThat(filtered.status()).isEqualTo(422);
        assertThat(filtered.json().get("code").asText()).isEqualTo("FILTER_FIELD_NOT_ENTITLED");
        assertThat(filtered.json().get("detail").asText()).startsWith("filter.subjectKeys:");
    }

    private static String subscribe(String key, String body) {
        var created = api.post(key, "/api/v1/subscriptions", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static long publish(String key, String body) {
        var published = api.post(key, "/api/v1/products/" + PRODUCT + "/events", body);
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        return published.json().get("sequence").asLong();
    }

    private static List<JsonNode> events(String key, String subscription) {
        var page = api.get(key, "/api/v1/subscriptions/" + subscription + "/feed?limit=100");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        page.json().get("events").forEach(events::add);
        return events;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
