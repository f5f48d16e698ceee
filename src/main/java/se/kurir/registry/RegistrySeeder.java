package se.kurir.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import se.kurir.envelope.DisclosureMode;

/**
 * Writes the registry seed from {@code config/} into the database. The seed is the source of truth: running it again
 * on restart updates what changed and removes what the seed no longer names, so it is idempotent.
 */
@Component
class RegistrySeeder {

    private static final Logger log = LoggerFactory.getLogger(RegistrySeeder.class);

    private final RegistryProperties properties;
    private final ResourcePatternResolver resources;
    private final RegistryRepository repository;
    private final Environment environment;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    RegistrySeeder(RegistryProperties properties, ResourcePatternResolver resources, RegistryRepository repository,
            Environment environment) {
        this.properties = properties;
        this.resources = resources;
        this.repository = repository;
        this.environment = environment;
    }

    void seed() {
        RegistrySeed seed = read();
        List<PeerNode> nodes = seed.nodes().stream().filter(n -> n.url() != null && !n.url().isBlank())
                .map(n -> new PeerNode(n.id(), n.url(), n.tlsFingerprint(), n.participants())).toList();
        List<Participant> participants = new ArrayList<>();
        List<Mailbox> mailboxes = new ArrayList<>();
        for (RegistrySeed.SeedParticipant p : seed.participants()) {
            participants.add(new Participant(p.orgNumber(), p.name(), p.sdkDomain(), p.shsLegacyNumbers()));
            Optional<PeerNode> servedBy = nodes.stream().filter(n -> n.serves(p.orgNumber())).findFirst();
            p.mailboxes().forEach(m -> mailboxes.add(new Mailbox(p.orgNumber() + "." + m.name(), p.orgNumber(),
                    m.description(), m.sdkFunctionalAddress(), servedBy.map(RegistrySeeder::toPeer)
                            .orElseGet(() -> delivery(p.orgNumber() + "." + m.name(), m)),
                    RegistrySeed.SeedEndpoint.url(m.query()))));
        }
        List<Product> products = new ArrayList<>(seed.products().stream().map(p -> new Product(p.id(), p.name(),
                p.description(), p.classification(), p.personalData(), DataSize.parse(p.maxPayloadSize()).toBytes(),
                p.eventRetention() == null ? null : Period.parse(p.eventRetention()),
                p.shsProduct() == null ? null : p.shsProduct().toString(), p.priority())).toList());
        List<Agreement> agreements = new ArrayList<>(seed.agreements());
        if (seed.shsImport() != null) {
            ShsDocuments.Imported imported = ShsDocuments.read(shsDocuments(seed.shsImport()),
                    seed.shsImport().productTypes(), products,
                    participants.stream().map(Participant::orgNumber).collect(Collectors.toSet()),
                    mailboxes.stream().map(Mailbox::address).collect(Collectors.toSet()));
            products.addAll(imported.products());
            agreements.addAll(imported.agreements());
        }
        checkReferences(participants, mailboxes, products, agreements);
        checkDirectory(nodes, participants);
        repository.replaceAll(participants, mailboxes, products, agreements, nodes);
        log.info("Registry seeded from {}: {} participants, {} mailboxes, {} products, {} agreements, {} peer nodes",
                properties.seed(), participants.size(), mailboxes.size(), products.size(), agreements.size(),
                nodes.size());
    }

    /**
     * A participant served by another node has every mailbox there: whatever way out the seed gives the mailbox
     * applies on that node, and here its messages go to the node.
     */
    private static DeliveryChannel toPeer(PeerNode node) {
        return DeliveryChannel.of(Map.of("kind", PeerNode.DELIVERY_KIND, "node", node.id()));
    }

    /** Each peer once, with a plausible address and fingerprint, serving known participants no other peer serves. */
    static void checkDirectory(List<PeerNode> nodes, List<Participant> participants) {
        Set<String> orgs = participants.stream().map(Participant::orgNumber).collect(Collectors.toSet());
        unique("node", nodes.stream().map(PeerNode::id).toList());
        Set<String> served = new HashSet<>();
        for (PeerNode node : nodes) {
            String problem = !node.id().matches("[a-z0-9][a-z0-9-]{0,62}") ? "id must be lower-case letters, digits "
                    + "and dashes"
                    : !node.url().startsWith("https://") ? "url must be https://host:port, was " + node.url()
                    : !node.tlsFingerprint().matches("[0-9a-f]{64}") ? "tlsFingerprint must be the SHA-256 of its "
                            + "TLS client certificate, 64 hex digits"
                    : node.participants().stream().filter(p -> !orgs.contains(p)).findFirst()
                            .map(p -> "serves unknown participant " + p)
                    .orElse(node.participants().stream().filter(p -> !served.add(p)).findFirst()
                            .map(p -> "serves participant " + p + ", which another node serves too").orElse(null));
            if (problem != null) {
                throw new InvalidRegistrySeedException("Node " + node.id() + ": " + problem, null);
            }
        }
    }

    private DeliveryChannel delivery(String address, RegistrySeed.SeedMailbox mailbox) {
        try {
            return DeliveryChannel.of(mailbox.delivery());
        } catch (IllegalArgumentException e) {
            throw new InvalidRegistrySeedException("Registry seed " + properties.seed() + ", mailbox " + address + ": "
                    + e.getMessage(), e);
        }
    }

    /** The SHS documents the seed names, by patterns relative to the seed file, in name order. */
    private List<ShsDocuments.Document> shsDocuments(RegistrySeed.ShsImport shsImport) {
        String base = properties.seed().substring(0, properties.seed().lastIndexOf('/') + 1);
        List<ShsDocuments.Document> documents = new ArrayList<>();
        try {
            for (String pattern : shsImport.documents()) {
                Resource[] found = resources.getResources(base + pattern);
                if (found.length == 0) {
                    log.warn("Registry seed {}: shsImport.documents {} names no document", properties.seed(), pattern);
                }
                Arrays.sort(found, Comparator.comparing(r -> String.valueOf(r.getFilename())));
                for (Resource resource : found) {
                    try (InputStream in = resource.getInputStream()) {
                        documents.add(new ShsDocuments.Document(pattern.contains("/")
                                ? pattern.substring(0, pattern.lastIndexOf('/') + 1) + resource.getFilename()
                                : resource.getFilename(), in.readAllBytes()));
                    }
                }
            }
        } catch (IOException e) {
            throw new InvalidRegistrySeedException("Cannot read the SHS documents of registry seed "
                    + properties.seed() + ": " + e.getMessage(), e);
        }
        return documents;
    }

    /** Placeholders such as ${kurir.demo.push-url:} are filled from the environment, so one seed serves many. */
    private RegistrySeed read() {
        try (InputStream in = resources.getResource(properties.seed()).getInputStream()) {
            String text = environment.resolveRequiredPlaceholders(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return yaml.readValue(text, RegistrySeed.class);
        } catch (IOException e) {
            throw new InvalidRegistrySeedException("Cannot read registry seed " + properties.seed() + ": "
                    + e.getMessage(), e);
        }
    }

    /** A seed that names something it does not define must stop start-up, not half-work. */
    static void checkReferences(List<Participant> participants, List<Mailbox> mailboxes,
            List<Product> products, List<Agreement> agreements) {
        Set<String> orgs = new HashSet<>(participants.stream().map(Participant::orgNumber).toList());
        Set<String> legacyNumbers = new HashSet<>();
        for (Participant p : participants) {
            for (String legacy : p.shsLegacyNumbers()) {
                if (!legacy.matches("[0-9]{8}") || !legacyNumbers.add(legacy)) {
                    throw new InvalidRegistrySeedException("Participant " + p.orgNumber() + ": shsLegacyNumbers "
                            + legacy + " is not 8 digits, or names another participant too", null);
                }
            }
        }
        Set<String> boxes = new HashSet<>(mailboxes.stream().map(Mailbox::address).toList());
        Set<String> productIds = new HashSet<>(products.stream().map(Product::id).toList());
        unique("product", products.stream().map(Product::id).toList());
        unique("agreement", agreements.stream().map(Agreement::id).toList());
        for (Agreement a : agreements) {
            require(productIds.contains(a.product()), a, "unknown product " + a.product());
            require(orgs.contains(a.producer()), a, "unknown producer " + a.producer());
            require(!a.consumers().isEmpty() && !a.legalBases().isEmpty(), a, "needs consumers and legal bases");
            for (Agreement.Consumer c : a.consumers()) {
                require(orgs.contains(c.participant()), a, "unknown consumer " + c.participant());
                c.mailboxes().forEach(m -> require(boxes.contains(m) && m.startsWith(c.participant() + "."), a,
                        "mailbox " + m + " is not a mailbox of " + c.participant()));
            }
            a.shsTerms().ifPresent(shs -> require(allows(a, shs.statute(), shs.provision(), shs.disclosureMode(),
                    shs.purpose()), a, "its SHS legal basis is not one it allows"));
            a.sdkTerms().ifPresent(sdk -> require(allows(a, sdk.statute(), sdk.provision(), sdk.disclosureMode(),
                    sdk.purpose()), a, "its SDK legal basis is not one it allows"));
        }
    }

    private static boolean allows(Agreement a, String statute, String provision, DisclosureMode mode, String purpose) {
        return a.legalBases().stream().anyMatch(b -> b.matches(statute, provision) && b.disclosureModes().contains(mode)
                && b.purposes().contains(purpose));
    }

    /** An id the seed and its SHS documents give twice would make one overwrite the other. */
    private static void unique(String what, List<String> ids) {
        Set<String> seen = new HashSet<>();
        ids.stream().filter(id -> !seen.add(id)).findFirst().ifPresent(id -> {
            throw new InvalidRegistrySeedException("The " + what + " id " + id + " is defined twice (in the seed, or "
                    + "by it and an imported SHS document)", null);
        });
    }

    private static void require(boolean condition, Agreement agreement, String problem) {
        if (!condition) {
            throw new InvalidRegistrySeedException("Agreement " + agreement.id() + ": " + problem, null);
        }
    }
}
