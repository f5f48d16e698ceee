package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import se.kurir.registry.Registry;
import se.kurir.support.Api;
import se.kurir.support.IntegrationTest;

/** The application's public shape: its routes (ids are API) and its OpenAPI document, kept true. */
class ApplicationShapeIT extends IntegrationTest {

    @Autowired
    CamelContext camel;
    @Autowired
    Registry registry;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void exactlyTheExpectedRoutesAreLoadedIncludingYamlOnes() {
        Set<String> expected = new TreeSet<>(Set.of("pipeline-ingress", "pipeline-enqueue", "pipeline-requeue-stale",
                "request-reply", "delivery-dead-letter-record", "feed-retention-purge", "upload-expiry-purge",
                "subscription-delivery-sweep",
                // one route per installed delivery channel kind, the test channel's included
                "delivery-push", "delivery-broker-outbox", "delivery-file-inbox", "delivery-shs", "delivery-sdk",
                "delivery-as4", "delivery-peer", "delivery-test",
                // Försäkringskassan's SFTP outbox as the tests configure it (IntegrationTest)
                "file-outbox-fk-batch"));
        registry.mailboxes().forEach(m -> expected.add("delivery-mailbox-" + m.address()));
        registry.participants().forEach(p -> expected.add("ingress-broker-" + p.orgNumber()));
        registry.participants().forEach(p -> expected.add("publish-broker-" + p.orgNumber()));

        Set<String> loaded = camel.getRoutes().stream().map(Route::getRouteId).collect(Collectors.toCollection(TreeSet::new));

        assertThat(loaded).isEqualTo(expected);
        assertThat(loaded).contains("delivery-mailbox-2021005521.kontroll");
    }

    @Test
    void openApiDocumentDescribesEveryApiEndpoint() {
        var doc = api.get(Api.OPERATOR, "/v3/api-docs");
        assertThat(doc.status()).isEqualTo(200);
        var paths = doc.json().get("paths");

        Set<String> served = mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream())
                .filter(p -> p.startsWith("/api/v1"))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(served).isNotEmpty();
        Set<String> documented = new TreeSet<>();
        paths.fieldNames().forEachRemaining(documented::add);
        assertThat(documented).containsAll(served);
        assertThat(paths.at("/~1api~1v1~1messages/post/requestBody/content").has("multipart/form-data")).isTrue();
    }

    @Test
    void catalogueListsProductsWithTheirLegalBases() {
        var products = api.get(Api.FORSAKRINGSKASSAN, "/api/v1/catalogue/products").json();
        assertThat(products.findValuesAsText("id")).contains("inkomstuppgift", "samordningsnummer-handelse",
                "foretagsforandring", "utebliven-installelse", "misstankt-falsk-identitet", "manadsfil-utbetalningar");
        var inkomst = products.findParents("id").stream().filter(p -> p.get("id").asText().equals("inkomstuppgift"))
                .findFirst().orElseThrow();
        assertThat(inkomst.get("maxPayloadBytes").asLong()).isEqualTo(1024 * 1024);
        assertThat(inkomst.get("legalBases").findValuesAsText("provision")).containsExactly("10 kap. 15 a §");
    }

    @Test
    void agreementsUseTheContractFieldNames() {
        var agreement = api.get(Api.FORSAKRINGSKASSAN, "/api/v1/catalogue/agreements").json().findParents("id").stream()
                .filter(a -> a.get("id").asText().equals("skv-fk-inkomstuppgift")).findFirst().orElseThrow();
        assertThat(agreement.get("product").asText()).isEqualTo("inkomstuppgift");
        assertThat(agreement.get("producer").asText()).isEqualTo("2021005448");
        assertThat(agreement.at("/consumers/0/participant").asText()).isEqualTo("2021005521");
        assertThat(agreement.at("/consumers/0/mailboxes/0").asText()).isEqualTo("2021005521.kontroll");
        assertThat(agreement.at("/legalBases/0/statute").asText()).isEqualTo("SFS 2009:400");
        assertThat(agreement.at("/legalBases/0/disclosureModes").toString()).contains("OWN_INITIATIVE");
        assertThat(agreement.at("/legalBases/0/purposes/0").asText()).isEqualTo("felaktiga-utbetalningar");
        assertThat(agreement.get("classificationCeiling").asText()).isEqualTo("SUBSTANTIAL");
        assertThat(agreement.get("validFrom").asText()).isEqualTo("2025-01-01");
        assertThat(agreement.get("reviewRequired").asBoolean()).isFalse();
        assertThat(agreement.has("validTo")).as("open-ended agreements omit validTo").isFalse();
    }
}
