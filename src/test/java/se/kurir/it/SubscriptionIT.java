package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.kurir.support.FeedEvents.COMPANY_A;
import static se.kurir.support.FeedEvents.COMPANY_B;
import static se.kurir.support.FeedEvents.COMPANY_C;
import static se.kurir.support.FeedEvents.FORETAGSFORANDRING;
import static se.kurir.support.FeedEvents.SAMORDNINGSNUMMER;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import se.kurir.support.Api;
import se.kurir.support.FeedEvents;
import se.kurir.support.IntegrationTest;

/**
 * Subscriptions (abonnemang) on the full application: Skatteverket's coordination-number feed read by
 * Försäkringskassan and Pensionsmyndigheten with different field entitlements, and Bolagsverket's company feed read
 * through filters. Pull delivery, cursors, replay, long-polling, refusals and ownership.
 */
class SubscriptionIT extends IntegrationTest {

    static final String SKV = Api.SKATTEVERKET;
    static final String FK = Api.FORSAKRINGSKASSAN;
    static final String PM = Api.PENSIONSMYNDIGHETEN;

    @Test
    void eachConsumerReceivesOnlyTheFieldsItsAgreementEntitlesItTo() {
        String fk = subscribe(FK, FeedEvents.pull(SAMORDNINGSNUMMER));
        String pm = subscribe(PM, FeedEvents.pull(SAMORDNINGSNUMMER));

        long sequence = publish(SAMORDNINGSNUMMER, FeedEvents.samordningsnummer(null, "TILLDELAT"));

        var fkPage = feed(FK, fk, "");
        var pmPage = feed(PM, pm, "");
        JsonNode fkEvent = only(fkPage.json());
        JsonNode pmEvent = only(pmPage.json());
        assertThat(fkEvent.get("sequence").asLong()).isEqualTo(sequence);
        assertThat(pmEvent.get("sequence").asLong()).isEqualTo(sequence);
        assertThat(fkEvent.get("eventId").asText()).isEqualTo(pmEvent.get("eventId").asText());
        assertThat(fields(fkEvent.get("payload"))).containsExactlyInAnyOrder("samordningsnummer", "handelse",
                "giltigFran", "adress");
        assertThat(fields(fkEvent.get("payload").get("adress"))).containsExactly("kommun");
        assertThat(fields(pmEvent.get("payload"))).containsExactlyInAnyOrder("samordningsnummer", "handelse",
                "giltigFran", "fodelsedatum", "namn", "adress");
        assertThat(pmEvent.at("/payload/namn/efternamn").asText()).isEqualTo("Tolvansson");
        assertThat(pmEvent.at("/payload/adress/utdelningsadress").asText()).isEqualTo("Testgatan 1");
        // What Försäkringskassan is not entitled to is nowhere in what it receives; nobody gets identitetsstyrka.
        assertThat(fkPage.body()).doesNotContain("Tolvansson", "1912-12-12", "Testgatan", "fodelsedatum");
        assertThat(fkPage.body() + pmPage.body()).doesNotContain("identitetsstyrka", "STYRKT");
        assertThat(fkEvent.get("idempotencyKey").asText()).isEqualTo(fk + ":" + sequence);
        assertThat(fkEvent.at("/legalBasis/statute").asText()).isEqualTo("SFS 2001:182");
    }

    @Test
    void onlyTheProducerPublishesAndEachEventGetsTheNextSequenceNumberOnce() {
        String body = FeedEvents.samordningsnummer(null, "TILLDELAT");
        var notProducer = api.post(FK, "/api/v1/products/" + SAMORDNINGSNUMMER + "/events", body);
        assertThat(notProducer.status()).isEqualTo(422);
        assertThat(notProducer.json().get("code").asText()).isEqualTo("NOT_PRODUCER");

        var wrongMode = api.post(SKV, "/api/v1/products/" + SAMORDNINGSNUMMER + "/events",
                body.replace("\"SUBSCRIPTION\"", "\"OWN_INITIATIVE\""));
        assertThat(wrongMode.json().get("code").asText()).isEqualTo("DISCLOSURE_MODE_NOT_ALLOWED");

        var noSubject = api.post(SKV, "/api/v1/products/" + SAMORDNINGSNUMMER + "/events",
                body.replace("\"subjectKey\"", "\"subject\""));
        assertThat(noSubject.status()).isEqualTo(400);
        assertThat(noSubject.json().get("violations").toString()).contains("\"field\":\"subjectKey\"",
                "ENVELOPE_FIELD_REQUIRED");

        var wrongProduct = api.post(SKV, "/api/v1/products/" + FORETAGSFORANDRING + "/events", body);
        assertThat(wrongProduct.status()).isEqualTo(422);

        String id = UUID.randomUUID().toString();
        long first = publish(SAMORDNINGSNUMMER, FeedEvents.samordningsnummer(id, "AKTIVERAT"));
        var again = api.post(SKV, "/api/v1/products/" + SAMORDNINGSNUMMER + "/events",
                FeedEvents.samordningsnummer(id, "AKTIVERAT"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("sequence").asLong()).isEqualTo(first);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();

        // Concurrent publishers: every event its own number, and the numbers leave no gap.
        List<Long> sequences = IntStream.range(0, 12).parallel()
                .mapToObj(i -> publish(SAMORDNINGSNUMMER, FeedEvents.samordningsnummer(null, "ANDRAT")))
                .sorted().toList();
        assertThat(new TreeSet<>(sequences)).hasSize(12);
        assertThat(sequences.get(11) - sequences.get(0)).isEqualTo(11);
        assertThat(sequences.get(0)).isGreaterThan(first);
    }

    @Test
    void subscribingNeedsAnAgreementThatAllowsSubscriptionAndFiltersOnlyOnEntitledFields() {
        var police = api.post(Api.POLISEN, "/api/v1/subscriptions", FeedEvents.pull(SAMORDNINGSNUMMER));
        assertThat(police.status()).isEqualTo(422);
        assertThat(police.json().get("code").asText()).isEqualTo("NO_AGREEMENT");
        assertThat(police.json().get("detail").asText()).startsWith("product:");

        var notByFeed = api.post(FK, "/api/v1/subscriptions", FeedEvents.pull("inkomstuppgift"));
        assertThat(notByFeed.json().get("code").asText()).isEqualTo("DISCLOSURE_MODE_NOT_ALLOWED");

        var peeking = api.post(FK, "/api/v1/subscriptions", FeedEvents.subscription(SAMORDNINGSNUMMER, "PULL",
                "\"filter\": {\"conditions\": [{\"field\": \"namn.efternamn\", \"equals\": \"Tolvansson\"}]}"));
        assertThat(peeking.status()).isEqualTo(422);
        assertThat(peeking.json().get("code").asText()).isEqualTo("FILTER_FIELD_NOT_ENTITLED");
        assertThat(peeking.json().get("detail").asText()).startsWith("filter.conditions[0].field");

        var noEndpoint = api.post(PM, "/api/v1/subscriptions", FeedEvents.subscription(SAMORDNINGSNUMMER, "PUSH",
                "\"pushMailbox\": \"2021006297.notiser\""));
        assertThat(noEndpoint.json().get("code").asText()).isEqualTo("NO_PUSH_ENDPOINT");

        var badMode = api.post(FK, "/api/v1/subscriptions", FeedEvents.subscription(SAMORDNINGSNUMMER, "EMAIL", null));
        assertThat(badMode.status()).isEqualTo(400);
        assertThat(badMode.json().get("detail").asText()).startsWith("deliveryMode:");

        var misspelt = api.post(FK, "/api/v1/subscriptions", FeedEvents.subscription(FORETAGSFORANDRING, "PULL",
                "\"filter\": {\"subjectkeys\": [\"" + COMPANY_A + "\"]}"));
        assertThat(misspelt.status()).as("a filter that silently let everything through").isEqualTo(400);
        assertThat(misspelt.json().get("detail").asText()).startsWith("filter.subjectkeys:");

        var audit = api.get(Api.AUDITOR, "/api/v1/audit?participant=2021000076&limit=5000").body();
        assertThat(audit).contains("SUBSCRIPTION_REFUSED");
    }

    @Test
    void filtersLetThroughOnlyWatchedSubjectsEventTypesAndFieldValues() {
        String watcher = subscribe(SKV, FeedEvents.subscription(FORETAGSFORANDRING, "PULL",
                "\"filter\": {\"subjectKeys\": [\"" + COMPANY_A + "\", \"" + COMPANY_C + "\"], "
                        + "\"eventTypes\": [\"SATE_ANDRAT\"]}"));
        String stockholm = subscribe(FK, FeedEvents.subscription(FORETAGSFORANDRING, "PULL",
                "\"filter\": {\"conditions\": [{\"field\": \"sate\", \"in\": [\"Stockholm\", \"Solna\"]}]}"));

        long a = publish(FORETAGSFORANDRING, FeedEvents.foretagsforandring(COMPANY_A, "SATE_ANDRAT", "Stockholm"));
        publish(FORETAGSFORANDRING, FeedEvents.foretagsforandring(COMPANY_B, "SATE_ANDRAT", "Solna"));
        publish(FORETAGSFORANDRING, FeedEvents.foretagsforandring(COMPANY_C, "NAMN_ANDRAT", "Uppsala"));
        long c = publish(FORETAGSFORANDRING, FeedEvents.foretagsforandring(COMPANY_C, "SATE_ANDRAT", "Uppsala"));

        var watched = feed(SKV, watcher, "").json();
        assertThat(sequences(watched)).containsExactly(a, c);
        assertThat(watched.get("nextAfter").asLong()).isEqualTo(c);
        assertThat(sequences(feed(FK, stockholm, "").json())).containsExactly(a, a + 1);
    }

    @Test
    void readingDoesNotMoveTheCursorCommittingDoesAndReplayGoesBackBySequenceOrTime() {
        String id = subscribe(FK, FeedEvents.pull(SAMORDNINGSNUMMER));
        List<Long> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(publish(SAMORDNINGSNUMMER, FeedEvents.samordningsnummer(null, "ANDRAT")));
        }

        var first = feed(FK, id, "&limit=2").json();
        assertThat(sequences(first)).containsExactly(published.get(0), published.get(1));
        assertThat(sequences(feed(FK, id, "&limit=2").json())).containsExactly(published.get(0), published.get(1));

        var committed = api.put(FK, "/api/v1/subscriptions/" + id + "/cursor",
                "{\"after\": " + first.get("nextAfter").asLong() + "}");
        assertThat(committed.status()).isEqualTo(200);
        assertThat(committed.json().get("after").asLong()).isEqualTo(published.get(1));
        assertThat(committed.json().get("lag").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(sequences(feed(FK, id, "").json())).startsWith(published.get(2), published.get(3),
                published.get(4));

        api.put(FK, "/api/v1/subscriptions/" + id + "/cursor", "{\"after\": " + published.get(0) + "}");
        assertThat(sequences(feed(FK, id, "").json())).startsWith(published.get(1), published.get(2));

        String thirdPublishedAt = feed(FK, id, "&after=" + published.get(1)).json().at("/events/0/publishedAt")
                .asText();
        api.put(FK, "/api/v1/subscriptions/" + id + "/cursor", "{\"from\": \"" + thirdPublishedAt + "\"}");
        assertThat(sequences(feed(FK, id, "").json()).get(0)).isLessThanOrEqualTo(published.get(2));

        var beyond = api.put(FK, "/api/v1/subscriptions/" + id + "/cursor", "{\"after\": 999999999}");
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.json().get("code").asText()).isEqualTo("CURSOR_INVALID");
    }

    @Test
    void aSubscriptionCanStartAtASequenceNumberOrATime() {
        long first = publish(SAMORDNINGSNUMMER, FeedEvents.samordningsnummer(null, "TILLDELAT"));
        long second = publish(SAMORDNINGSNUMMER, FeedEvents.samordningsnummer(null, "ANDRAT"));

        String fromSequence = subscribe(PM, FeedEvents.subscription(SAMORDNINGSNUMMER, "PULL",
                "\"start\": \"" + second + "\""));
        assertThat(sequences(feed(PM, fromSequence, "").json()).get(0)).isEqualTo(second);

        String publishedAt = feed(PM, fromSequence, "&after=" + (first - 1)).json().at("/events/0/publishedAt")
                .asText();
        String fromTime = subscribe(PM, FeedEvents.subscription(SAMORDNINGSNUMMER, "PULL",
                "\"start\": \"" + publishedAt + "\""));
        assertThat(sequences(feed(PM, fromTime, "").json()).get(0)).isLessThanOrEqualTo(first);

        String now = subscribe(PM, FeedEvents.pull(SAMORDNINGSNUMMER));
        assertThat(feed(PM, now, "").json().get("events")).isEmpty();

        var nonsense = api.post(PM, "/api/v1/subscriptions", FeedEvents.subscription(SAMORDNINGSNUMMER, "PULL",
                "\"start\": \"yesterday\""));
        assertThat(nonsense.status()).isEqualTo(400);
        assertThat(nonsense.json().get("code").asText()).isEqualTo("START_INVALID");
    }

    @Test
    void aLongPollWaitsForTheNextEventInsteadOfAnsweringEmpty() {
        String id = subscribe(PM, FeedEvents.pull(SAMORDNINGSNUMMER));
        CompletableFuture<Api.Response> waiting = api.getAsync(PM, "/api/v1/subscriptions/" + id + "/feed?wait=20");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());

        long sequence = publish(SAMORDNINGSNUMMER, FeedEvents.samordningsnummer(null, "AVREGISTRERAT"));

        await().atMost(Duration.ofSeconds(5)).until(waiting::isDone);
        assertThat(sequences(waiting.join().json())).containsExactly(sequence);

        var empty = feed(PM, id, "&after=" + sequence + "&wait=1");
        assertThat(empty.json().get("events")).isEmpty();
        assertThat(api.get(PM, "/api/v1/subscriptions/" + id + "/feed?wait=31").json().get("code").asText())
                .isEqualTo("PARAMETER_INVALID");
    }

    @Test
    void aSubscriptionIsItsOwnersAloneAndEndsWhenDeleted() {
        String id = subscribe(FK, FeedEvents.pull(SAMORDNINGSNUMMER));
        String path = "/api/v1/subscriptions/" + id;

        assertThat(api.get(PM, path).status()).isEqualTo(404);
        assertThat(api.get(PM, path + "/feed").status()).isEqualTo(404);
        assertThat(api.put(PM, path + "/cursor", "{\"after\": 0}").status()).isEqualTo(404);
        assertThat(api.delete(PM, path).status()).isEqualTo(404);
        assertThat(api.get(PM, "/api/v1/subscriptions").body()).doesNotContain(id);
        assertThat(api.get(null, path).status()).isEqualTo(401);
        assertThat(api.get(Api.AUDITOR, path).status()).isEqualTo(403);

        assertThat(api.get(FK, "/api/v1/subscriptions").body()).contains(id);
        assertThat(api.delete(FK, path).status()).isEqualTo(204);
        assertThat(api.get(FK, path).status()).isEqualTo(404);
        assertThat(api.get(FK, path + "/feed").status()).isEqualTo(404);
        assertThat(api.get(Api.AUDITOR, "/api/v1/audit?participant=2021005521&limit=5000&from="
                + Instant.now().minusSeconds(60)).body()).contains("SUBSCRIPTION_DELETED", id);
    }

    @Test
    void everyDeliveryIsAuditedWithTheRangeAndWithoutThePayload() {
        Instant start = Instant.now().minusSeconds(1);
        String id = subscribe(PM, FeedEvents.pull(SAMORDNINGSNUMMER));
        long sequence = publish(SAMORDNINGSNUMMER, FeedEvents.samordningsnummer(null, "TILLDELAT"));
        assertThat(sequences(feed(PM, id, "").json())).containsExactly(sequence);

        var records = api.get(Api.AUDITOR, "/api/v1/audit?participant=2021006297&limit=5000&from=" + start).json();
        JsonNode delivered = null;
        for (JsonNode record : records) {
            JsonNode details = Api.parse(record.get("details").asText());
            if (record.get("type").asText().equals("SUBSCRIPTION_DELIVERED")
                    && details.get("subscription").asText().equals(id)) {
                delivered = details;
            }
        }
        assertThat(delivered).isNotNull();
        assertThat(delivered.get("firstSequence").asLong()).isEqualTo(sequence);
        assertThat(delivered.get("lastSequence").asLong()).isEqualTo(sequence);
        assertThat(delivered.get("channel").asText()).isEqualTo("PULL");
        String all = api.get(Api.AUDITOR, "/api/v1/audit?limit=5000&from=" + start).body();
        assertThat(all).contains("EVENT_PUBLISHED").doesNotContain(FeedEvents.SYNTHETIC_SAMORDNINGSNUMMER,
                "Tolvansson", "Testgatan");
    }

    private String subscribe(String key, String body) {
        var created = api.post(key, "/api/v1/subscriptions", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private long publish(String product, String body) {
        var published = api.post(Api.SKATTEVERKET.equals(keyFor(product)) ? SKV : Api.BOLAGSVERKET,
                "/api/v1/products/" + product + "/events", body);
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        return published.json().get("sequence").asLong();
    }

    private static String keyFor(String product) {
        return product.equals(FORETAGSFORANDRING) ? Api.BOLAGSVERKET : Api.SKATTEVERKET;
    }

    private Api.Response feed(String key, String id, String query) {
        var page = api.get(key, "/api/v1/subscriptions/" + id + "/feed?" + (query.contains("limit=") ? "" : "limit=100")
                + query);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page;
    }

    private static JsonNode only(JsonNode page) {
        assertThat(page.get("events")).hasSize(1);
        return page.get("events").get(0);
    }

    private static List<Long> sequences(JsonNode page) {
        List<Long> sequences = new ArrayList<>();
        page.get("events").forEach(e -> sequences.add(e.get("sequence").asLong()));
        return sequences;
    }

    private static Set<String> fields(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
