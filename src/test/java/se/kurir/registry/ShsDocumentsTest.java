package se.kurir.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.kurir.envelope.Classification;
import se.kurir.envelope.DisclosureMode;

/**
 * SHS product types and agreements read from their 1.2 documents, written here from the DTDs as an SHS broker keeps
 * them: what they become in the registry, and every kind of broken document refused naming its file and line.
 */
class ShsDocumentsTest {

    private static final String TYPE = "7e2c4b1a-9d3f-4e8a-b5c6-1f0a2d3e4b5c";
    private static final String SKV = "2021005448";
    private static final String PM = "2021006297";
    private static final RegistrySeed.ShsProductTerms TERMS = new RegistrySeed.ShsProductTerms(UUID.fromString(TYPE),
            "taxeringsuppgift", Classification.SUBSTANTIAL, true, "5MB", "SFS 2009:400", "10 kap. 15 a §",
            DisclosureMode.OWN_INITIATIVE, "felaktiga-utbetalningar", "P5Y", false);

    private static final String PRODUCT = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <!DOCTYPE shs.product SYSTEM "shs-product-1.2.dtd">
            <shs.product version="1.2" uuid="%s" commonName="Taxeringsuppgift">
              <description>Fastställd taxering</description>
              <principal>urn:X-shs:2021005448</principal>
              <data datapartType="xml"/>
            </shs.product>
            """.formatted(TYPE);

    private static String agreement(String customer, String flow, String product) {
        return """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <!DOCTYPE shs.agreement SYSTEM "shs-agreement-1.2.dtd">
                <shs.agreement version="1.2" uuid="c3a1f2e4-5b6d-4c7e-8f90-a1b2c3d4e5f6" transfer-type="asynch">
                  <shs>
                    <principal>urn:X-shs:2021005448</principal>
                    %s
                    <direction flow="%s"/>
                    <product>urn:X-shs:%s</product>
                    <confirm required="yes"/>
                  </shs>
                  <general><valid><valid-from date="2025-01-01"/><valid-to date="2027-12-31"/></valid></general>
                </shs.agreement>
                """.formatted(customer, flow, product);
    }

    private static final String CUSTOMER = "<customer>urn:X-shs:2021006297.kontroll</customer>";

    private static ShsDocuments.Imported read(String... documents) {
        List<ShsDocuments.Document> named = new java.util.ArrayList<>();
        for (int i = 0; i < documents.length; i++) {
            named.add(new ShsDocuments.Document("doc" + i + ".xml", documents[i].getBytes(StandardCharsets.ISO_8859_1)));
        }
        return ShsDocuments.read(named, List.of(TERMS), List.of(), Set.of(SKV, PM), Set.of(PM + ".kontroll"));
    }

    @Test
    void aProductTypeAndAnAgreementBecomeAProductAndAnAgreementUnderTheSeedsTerms() {
        var imported = read(PRODUCT, agreement(CUSTOMER, "to-customer", TYPE));

        Product product = imported.products().get(0);
        assertThat(product.id()).isEqualTo("taxeringsuppgift");
        assertThat(product.name()).isEqualTo("Taxeringsuppgift");
        assertThat(product.description()).isEqualTo("Fastställd taxering");
        assertThat(product.shsProduct()).isEqualTo(TYPE);
        assertThat(product.maxPayloadBytes()).isEqualTo(5L * 1024 * 1024);
        Agreement agreement = imported.agreements().get(0);
        assertThat(imported.agreements()).hasSize(1);
        assertThat(agreement.id()).isEqualTo("shs-c3a1f2e4-5b6d-4c7e-8f90-a1b2c3d4e5f6");
        assertThat(agreement.producer()).isEqualTo(SKV);
        assertThat(agreement.consumers()).singleElement().satisfies(c -> {
            assertThat(c.participant()).isEqualTo(PM);
            assertThat(c.mailboxes()).containsExactly(PM + ".kontroll");
        });
        assertThat(agreement.validFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(agreement.validTo()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(agreement.classificationCeiling()).isEqualTo(Classification.SUBSTANTIAL);
        ShsTerms shs = agreement.shsTerms().orElseThrow();
        assertThat(shs.agreement()).isEqualTo("c3a1f2e4-5b6d-4c7e-8f90-a1b2c3d4e5f6");
        assertThat(shs.confirm()).isTrue();
        assertThat(shs.statute()).isEqualTo("SFS 2009:400");
        assertThat(agreement.legalBases()).singleElement().satisfies(b -> assertThat(b.purposes())
                .containsExactly("felaktiga-utbetalningar"));
    }

    @Test
    void theDirectionDecidesWhoProducesAndAnyGivesBothWays() {
        assertThat(read(PRODUCT, agreement(CUSTOMER, "from-customer", TYPE)).agreements())
                .singleElement().satisfies(a -> {
                    assertThat(a.producer()).isEqualTo(PM);
                    assertThat(a.consumers().get(0).participant()).isEqualTo(SKV);
                    assertThat(a.consumers().get(0).mailboxes()).isEmpty();
                });
        assertThat(read(PRODUCT, agreement(CUSTOMER, "any", TYPE)).agreements()).extracting(Agreement::producer)
                .containsExactly(SKV, PM);
    }

    @Test
    void aBrokenDocumentIsRefusedNamingItsFileAndLine() {
        assertRefused(PRODUCT.replace("</description>", ""), "doc0.xml, line ");
        assertRefused(PRODUCT.replace("<description>Fastställd taxering", """
                <description>&x;"""), "doc0.xml, line 4:");
        assertRefused(PRODUCT.replace("urn:X-shs:2021005448", "urn:X-shs:2021009999"),
                "doc0.xml, line 5: <principal> 2021009999 is no participant");
        assertRefused(PRODUCT.replace(TYPE, "ingen-uuid"), "doc0.xml, line 3: shs.product uuid 'ingen-uuid'");
        assertRefused(PRODUCT.replace(TYPE, UUID.randomUUID().toString()), "doc0.xml, line 3: product type");
    }

    @Test
    void aBrokenAgreementIsRefusedNamingItsFileAndLine() {
        String unknownType = UUID.randomUUID().toString();
        assertThatThrownBy(() -> read(PRODUCT, agreement(CUSTOMER, "to-customer", unknownType)))
                .hasMessageContaining("doc1.xml, line 8: product type " + unknownType + " is neither imported");
        assertThatThrownBy(() -> read(PRODUCT, agreement("", "to-customer", TYPE)))
                .hasMessageContaining("doc1.xml, line 3: <customer> is missing");
        assertThatThrownBy(() -> read(PRODUCT, agreement(CUSTOMER.replace("kontroll", "okand"), "to-customer",
                TYPE))).hasMessageContaining("doc1.xml, line 6: <customer> 2021006297.okand is no mailbox");
        assertThatThrownBy(() -> read(PRODUCT, agreement(CUSTOMER, "sideways", TYPE)))
                .hasMessageContaining("doc1.xml, line 7: <direction flow>");
        assertThatThrownBy(() -> read(PRODUCT, agreement(CUSTOMER, "to-customer", TYPE)
                .replace("2025-01-01", "första januari"))).hasMessageContaining("doc1.xml, line 11: <valid-from date>");
        assertThatThrownBy(() -> read("<shs.label/>")).hasMessageContaining("doc0.xml, line 1: <shs.label> is neither");
    }

    private static void assertRefused(String product, String message) {
        assertThatThrownBy(() -> read(product)).isInstanceOf(InvalidRegistrySeedException.class)
                .hasMessageContaining("SHS document " + message.substring(0, message.indexOf(',')))
                .hasMessageContaining(message);
    }
}
