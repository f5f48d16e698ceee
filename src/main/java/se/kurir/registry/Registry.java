package se.kurir.registry;

import java.util.Comparator;
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
    private final List<Mailbox> mailboxList;
    private final Map<String, Mailbox> mailboxes;
    private final List<Product> productList;
    private final Map<String, Product> products;
    private final List<Agreement> agreements;
    private final List<PeerNode> peerNodes;

    /** Seeds the database first; Java evaluates the arguments left to right, so the reads see the seed. */
    @Autowired
    Registry(RegistrySeeder seeder, RegistryRepository repository) {
        this(seeded(seeder, repository).participants(), repository.mailboxes(), repository.products(),
                repository.agreements(), repository.peerNodes());
    }

    /** A registry of the given values, in no federation. */
    public Registry(List<Participant> participants, List<Mailbox> mailboxes, List<Product> products,
            List<Agreement> agreements) {
        this(participants, mailboxes, products, agreements, List.of());
    }

    /** A registry of the given values, as read from the database; also for tests and tools. */
    public Registry(List<Participant> participants, List<Mailbox> mailboxes, List<Product> products,
            List<Agreement> agreements, List<PeerNode> peerNodes) {
        this.participants = List.copyOf(participants);
        this.participantsById = index(participants, Participant::orgNumber);
        this.mailboxList = mailboxes.stream().sorted(Comparator.comparing(Mailbox::address)).toList();
        this.mailboxes = index(mailboxes, Mailbox::address);
        this.productList = products.stream().sorted(Comparator.comparing(Product::id)).toList();
        this.products = index(products, Product::id);
        this.agreements = List.copyOf(agreements);
        this.peerNodes = List.copyOf(peerNodes);
    }

    private static RegistryRepository seeded(RegistrySeeder seeder, RegistryRepository repository) {
        seeder.seed();
        return repository;
    }

    private static <T> Map<String, T> index(List<T> values, Function<T, String> key) {
        return values.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity()));
    }

    public Optional<Participant> participant(String orgNumber) {
        return Optional.ofNullable(participantsById.get(orgNumber));
    }

    /** The participant an old SHS label names by an 8-digit number. */
    public Optional<Participant> participantByShsLegacyNumber(String number) {
        return participants.stream().filter(p -> p.shsLegacyNumbers().contains(number)).findFirst();
    }

    public Optional<Mailbox> mailbox(String address) {
        return Optional.ofNullable(mailboxes.get(address));
    }

    public Optional<Product> product(String id) {
        return Optional.ofNullable(products.get(id));
    }

    /** The product SHS clients name by this product type (a UUID, any case). */
    public Optional<Product> productByShsType(String shsProduct) {
        return productList.stream().filter(p -> shsProduct.equalsIgnoreCase(p.shsProduct())).findFirst();
    }

    public List<Participant> participants() {
        return participants;
    }

    public List<Mailbox> mailboxes() {
        return mailboxList;
    }

    public List<Product> products() {
        return productList;
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

    public List<Agreement> agreementsCoveringRequest(String product, String requester, String answerer) {
        return agreements.stream().filter(a -> a.product().equals(product) && a.coversRequest(requester, answerer))
                .toList();
    }

    /** The federation directory: the other nodes and whom they serve. */
    public List<PeerNode> peerNodes() {
        return peerNodes;
    }

    public Optional<PeerNode> peerNode(String id) {
        return peerNodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** The other node that serves this participant; empty when this node serves it (or nobody does). */
    public Optional<PeerNode> nodeServing(String participant) {
        return peerNodes.stream().filter(n -> n.serves(participant)).findFirst();
    }

    /** The peer node whose TLS client certificate has this SHA-256 fingerprint. */
    public Optional<PeerNode> peerNodeByFingerprint(String fingerprint) {
        return peerNodes.stream().filter(n -> n.tlsFingerprint().equalsIgnoreCase(fingerprint)).findFirst();
    }

    public Optional<Agreement> agreement(String id) {
        return agreements.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
