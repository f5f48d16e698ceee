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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Writes the registry seed from {@code config/} into the database. The seed is the source of truth: running it again
 * on restart updates what changed and removes what the seed no longer names, so it is idempotent.
 */
@Component
class RegistrySeeder {

    private static final Logger log = LoggerFactory.getLogger(RegistrySeeder.class);

    private final RegistryProperties properties;
    private final ResourceLoader resources;
    private final RegistryRepository repository;
    private final Environment environment;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    RegistrySeeder(RegistryProperties properties, ResourceLoader resources, RegistryRepository repository,
            Environment environment) {
        this.properties = properties;
        this.resources = resources;
        this.repository = repository;
        this.environment = environment;
    }

    void seed() {
        RegistrySeed seed = read();
        List<Participant> participants = new ArrayList<>();
        List<Mailbox> mailboxes = new ArrayList<>();
        for (RegistrySeed.SeedParticipant p : seed.participants()) {
            participants.add(new Participant(p.orgNumber(), p.name(), p.sdkDomain(), p.shsLegacyNumbers()));
            p.mailboxes().forEach(m -> mailboxes.add(new Mailbox(p.orgNumber() + "." + m.name(), p.orgNumber(),
                    m.description(), m.sdkFunctionalAddress(), delivery(p.orgNumber() + "." + m.name(), m),
                    RegistrySeed.SeedEndpoint.url(m.query()))));
        }
        List<Product> products = seed.products().stream().map(p -> new Product(p.id(), p.name(), p.description(),
                p.classification(), p.personalData(), DataSize.parse(p.maxPayloadSize()).toBytes(),
                p.eventRetention() == null ? null : Period.parse(p.eventRetention()),
                p.shsProduct() == null ? null : p.shsProduct().toString())).toList();
        checkReferences(participants, mailboxes, products, seed.agreements());
        repository.replaceAll(participants, mailboxes, products, seed.agreements());
        log.info("Registry seeded from {}: {} participants, {} mailboxes, {} products, {} agreements",
                properties.seed(), participants.size(), mailboxes.size(), products.size(), seed.agreements().size());
    }

    private DeliveryChannel delivery(String address, RegistrySeed.SeedMailbox mailbox) {
        try {
            return DeliveryChannel.of(mailbox.delivery());
        } catch (IllegalArgumentException e) {
            throw new InvalidRegistrySeedException("Registry seed " + properties.seed() + ", mailbox " + address + ": "
                    + e.getMessage(), e);
        }
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
        for (Agreement a : agreements) {
            require(productIds.contains(a.product()), a, "unknown product " + a.product());
            require(orgs.contains(a.producer()), a, "unknown producer " + a.producer());
            require(!a.consumers().isEmpty() && !a.legalBases().isEmpty(), a, "needs consumers and legal bases");
            for (Agreement.Consumer c : a.consumers()) {
                require(orgs.contains(c.participant()), a, "unknown consumer " + c.participant());
                c.mailboxes().forEach(m -> require(boxes.contains(m) && m.startsWith(c.participant() + "."), a,
                        "mailbox " + m + " is not a mailbox of " + c.participant()));
            }
            a.shsTerms().ifPresent(shs -> require(a.legalBases().stream().anyMatch(b -> b.matches(shs.statute(),
                    shs.provision()) && b.disclosureModes().contains(shs.disclosureMode())
                    && b.purposes().contains(shs.purpose())), a, "its SHS legal basis is not one it allows"));
        }
    }

    private static void require(boolean condition, Agreement agreement, String problem) {
        if (!condition) {
            throw new InvalidRegistrySeedException("Agreement " + agreement.id() + ": " + problem, null);
        }
    }
}
