package se.kurir.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Who exists, which mailboxes they have, which products exist and which agreements bind them. Seeds the database at
 * construction and then answers from an immutable snapshot, because every message looks here several times.
 */
@Service
public class Registry {

    private final List<Participant> participants;
    private final Map<String, Participant> participantsById;
    private final Map<String, Mailbox> mailboxes;
    private final Map<String, Product> products;
    private final List<Agreement> agreements;

    @Autowired
    Registry(RegistrySeeder seeder, RegistryRepository repository) {
        this(seedThenRead(seeder, repository));
    }

    private Registry(Registry read) {
        this(read.participants, List.copyOf(read.mailboxes.values()), List.copyOf(read.products.values()),
                read.agreements);
    }

    /** A registry of the given values, as read from the database; also for tests and tools. */
    public Registry(List<Participant> participants, List<Mailbox> mailboxes, List<Product> products,
            List<Agreement> agreements) {
        this.participants = List.copyOf(participants);
        this.participantsById = index(participants, Participant::orgNumber);
        this.mailboxes = index(mailboxes, Mailbox::address);
        this.products = index(products, Product::id);
        this.agreements = List.copyOf(agreements);
    }

    private static Registry seedThenRead(RegistrySeeder seeder, RegistryRepository repository) {
        seeder.seed();
        return new Registry(repository.participants(), repository.mailboxes(), repository.products(),
                repository.agreements());
    }

    private static <T> Map<String, T> index(List<T> values, Function<T, String> key) {
        return values.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity()));
    }

    public Optional<Participant> participant(String orgNumber) {
        return Optional.ofNullable(participantsById.get(orgNumber));
    }

    public Optional<Mailbox> mailbox(String address) {
        return Optional.ofNullable(mailboxes.get(address));
    }

    public Optional<Product> product(String id) {
        return Optional.ofNullable(products.get(id));
    }

    public List<Participant> participants() {
        return participants;
    }

    public List<Mailbox> mailboxes() {
        return mailboxes.values().stream().sorted((a, b) -> a.address().compareTo(b.address())).toList();
    }

    public List<Product> products() {
        return products.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    public List<Agreement> agreements() {
        return agreements;
    }

    public List<Agreement> agreementsOf(String participant) {
        return agreements.stream().filter(a -> a.isPartyTo(participant)).toList();
    }

    /** Agreements for this product under which this sender may reach this mailbox, valid or not. */
    public List<Agreement> agreementsCovering(String product, String sender, String mailbox) {
        return agreements.stream().filter(a -> a.product().equals(product) && a.covers(sender, mailbox)).toList();
    }
}
