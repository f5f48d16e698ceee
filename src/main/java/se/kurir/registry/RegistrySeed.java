package se.kurir.registry;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.kurir.envelope.Classification;
import se.kurir.envelope.DisclosureMode;

/** The shape of a registry seed file; see {@code config/registry/}. */
record RegistrySeed(List<SeedParticipant> participants, List<SeedProduct> products, List<Agreement> agreements,
        ShsImport shsImport, List<SeedNode> nodes) {

    RegistrySeed {
        participants = participants == null ? List.of() : participants;
        products = products == null ? List.of() : products;
        agreements = agreements == null ? List.of() : agreements;
        nodes = nodes == null ? List.of() : nodes;
    }

    /**
     * The federation directory: another Kurir node and the participants it serves ({@link PeerNode}). A node whose
     * url is blank is left out, so one seed serves nodes in and out of a federation.
     */
    record SeedNode(String id, String url, String tlsFingerprint, List<String> participants) {
        SeedNode {
            participants = participants == null ? List.of() : participants;
        }
    }

    /**
     * SHS documents to import ({@link ShsDocuments}).
     *
     * @param documents file patterns relative to the seed file, e.g. {@code shs/*.xml}: shs.product and shs.agreement
     *     documents
     * @param productTypes the Kurir terms each SHS product type lacks
     */
    record ShsImport(List<String> documents, List<ShsProductTerms> productTypes) {
        ShsImport {
            documents = documents == null ? List.of() : documents;
            productTypes = productTypes == null ? List.of() : productTypes;
        }
    }

    /**
     * What Kurir needs of an SHS product type and SHS has not: for a product type an shs.product document defines,
     * the product's id, classification, personal data and size limit; for every product type an imported agreement
     * names, the legal basis its messages carry and whether a sekretessprövning precedes release.
     */
    record ShsProductTerms(UUID shsProduct, String id, Classification classification, boolean personalData,
            String maxPayloadSize, String statute, String provision, DisclosureMode disclosureMode, String purpose,
            String retention, boolean reviewRequired) {
    }

    /** @param shsLegacyNumbers the 8-digit numbers old SHS labels name the participant by */
    record SeedParticipant(String orgNumber, String name, String sdkDomain, List<String> shsLegacyNumbers,
            List<SeedMailbox> mailboxes) {
        SeedParticipant {
            mailboxes = mailboxes == null ? List.of() : mailboxes;
        }
    }

    /**
     * @param delivery the mailbox's way out, {@code {kind: push, url: ...}} and so on ({@link DeliveryChannel#of});
     *     absent means pull
     * @param query where synchronous requests are answered; absent or empty means none are
     */
    record SeedMailbox(String name, String description, String sdkFunctionalAddress, Map<String, String> delivery,
            SeedEndpoint query) {
    }

    /** @param url the participant's HTTPS endpoint */
    record SeedEndpoint(String url) {
        static String url(SeedEndpoint endpoint) {
            return endpoint == null ? null : endpoint.url();
        }
    }

    /**
     * @param eventRetention ISO 8601 period the product's change feed keeps events, e.g. P30D
     * @param shsProduct the SHS product type's UUID, for products SHS clients send
     * @param priority CRISIS, NORMAL (when absent) or BULK
     */
    record SeedProduct(String id, String name, String description, Classification classification,
            boolean personalData, String maxPayloadSize, String eventRetention, UUID shsProduct, Priority priority) {
    }
}
