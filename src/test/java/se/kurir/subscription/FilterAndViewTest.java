package se.kurir.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Subscription filters and the entitled view of a payload, on a synthetic coordination-number event. */
class FilterAndViewTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNode PAYLOAD = read("""
            {"samordningsnummer": "191212721212", "handelse": "TILLDELAT", "giltigFran": "2026-11-20",
             "namn": {"fornamn": "Tolvan", "efternamn": "Tolvansson"},
             "adress": {"utdelningsadress": "Testgatan 1", "kommun": "0180"}, "kommunkod": 180,
             "medborgarskap": ["SE", "NO"]}
            """);

    static FeedEvent event(String type, String subject) {
        return new FeedEvent("samordningsnummer-handelse", 7, "e", type, subject, "2021005448", "a", null, PAYLOAD,
                Instant.EPOCH);
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void theViewKeepsExactlyTheEntitledPathsAndNothingBesideThem() {
        JsonNode view = FieldPaths.view(PAYLOAD, List.of("samordningsnummer", "adress.kommun", "namn", "saknas.helt"));
        assertThat(view).isEqualTo(read("""
                {"samordningsnummer": "191212721212", "adress": {"kommun": "0180"},
                 "namn": {"fornamn": "Tolvan", "efternamn": "Tolvansson"}}
                """));
        assertThat(PAYLOAD.at("/adress/utdelningsadress").asText()).as("the stored event is untouched")
                .isEqualTo("Testgatan 1");
        assertThat(FieldPaths.view(PAYLOAD, null)).isSameAs(PAYLOAD);
        assertThat(FieldPaths.view(PAYLOAD, List.of())).isEmpty();
    }

    @Test
    void entitlementToAnObjectCoversItsFieldsButNotItsSiblings() {
        assertThat(FieldPaths.entitles(List.of("namn"), "namn.efternamn")).isTrue();
        assertThat(FieldPaths.entitles(List.of("namn"), "namnbyte")).isFalse();
        assertThat(FieldPaths.entitles(List.of("adress.kommun"), "adress")).isFalse();
        assertThat(FieldPaths.entitles(null, "anything")).isTrue();
    }

    @Test
    void everyGivenPartOfTheFilterMustHold() {
        assertThat(SubscriptionFilter.ALL.matches(event("TILLDELAT", "x"))).isTrue();
        var filter = new SubscriptionFilter(Set.of("TILLDELAT"), Set.of("191212721212"),
                List.of(new FieldCondition("adress.kommun", "0180", null, null)));
        assertThat(filter.matches(event("TILLDELAT", "191212721212"))).isTrue();
        assertThat(filter.matches(event("AVREGISTRERAT", "191212721212"))).isFalse();
        assertThat(filter.matches(event("TILLDELAT", "191212721213"))).isFalse();
        var otherKommun = new SubscriptionFilter(null, null,
                List.of(new FieldCondition("adress.kommun", "1480", null, null)));
        assertThat(otherKommun.matches(event("TILLDELAT", "x"))).isFalse();
    }

    @Test
    void conditionsCompareScalarsAsTextAndTestPresence() {
        assertThat(new FieldCondition("kommunkod", "180", null, null).holdsFor(PAYLOAD)).isTrue();
        assertThat(new FieldCondition("handelse", null, List.of("ANDRAT", "TILLDELAT"), null).holdsFor(PAYLOAD))
                .isTrue();
        assertThat(new FieldCondition("namn", "Tolvan", null, null).holdsFor(PAYLOAD)).as("an object is no value")
                .isFalse();
        assertThat(new FieldCondition("medborgarskap", "SE", null, null).holdsFor(PAYLOAD)).isFalse();
        assertThat(new FieldCondition("avregistrerad", null, null, false).holdsFor(PAYLOAD)).isTrue();
        assertThat(new FieldCondition("namn.fornamn", null, null, true).holdsFor(PAYLOAD)).isTrue();
    }

    @Test
    void aConditionNeedsAPathAndExactlyOneTest() {
        assertThat(new FieldCondition("a.b", "x", null, null).isWellFormed()).isTrue();
        assertThat(new FieldCondition("a.b", "x", List.of("y"), null).isWellFormed()).isFalse();
        assertThat(new FieldCondition("a.b", null, null, null).isWellFormed()).isFalse();
        assertThat(new FieldCondition("a..b", "x", null, null).isWellFormed()).isFalse();
        assertThat(new FieldCondition("$where", "x", null, null).isWellFormed()).isFalse();
    }
}
