package se.kurir.adapter.shs;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import se.kurir.envelope.DisclosureMode;
import se.kurir.envelope.Envelope;
import se.kurir.envelope.LegalBasis;
import se.kurir.envelope.MessageStatus;
import se.kurir.registry.Agreement;
import se.kurir.registry.Mailbox;
import se.kurir.registry.Product;
import se.kurir.registry.Registry;
import se.kurir.registry.ShsTerms;

/**
 * Turns an SHS label into Kurir envelopes. The sender must be the caller; {@code to} names a mailbox, or an
 * organisation whose one mailbox under the agreement is meant, or is left out for every mailbox the agreements name
 * (product addressing); the product type is looked up by its UUID; and the
 * legal basis, which an SHS client never tags, comes from the agreement's SHS terms, so the policy checks and audits
 * an SHS message like any other. What SHS says that Kurir does not route by is kept in the envelope's metadata
 * under {@code shs.}, so the delivery service can write the label back.
 */
@Component
class ShsEnvelopes {

    static final String CONTENT_ID = "shs.content-id";
    static final String SEQUENCE_TYPE = "shs.sequence-type";
    static final String SHS_PRODUCT = "shs.product";
    static final String ORIGINATOR = "shs.originator";
    static final String FROM = "shs.from";
    static final String END_RECIPIENT = "shs.end-recipient";
    static final String DATETIME = "shs.datetime";
    static final String AGREEMENT = "shs.agreement";
    static final String DATAPART_TYPE = "shs.datapart-type";
    static final String FILENAME = "shs.filename";
    static final String RECORDS = "shs.no-of-records";
    static final String META = "shs.meta.";

    private static final Pattern METADATA_KEY = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern CORRELATION_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final int METADATA_VALUE_LIMIT = 1024;
    private static final int SUBJECT_LIMIT = 256;

    private final Registry registry;
    private final Clock clock;

    ShsEnvelopes(Registry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * One envelope per recipient: the one {@code to} names, or, for a label without {@code to} (product addressing),
     * every mailbox the agreements name for the product from this sender, each with the same corr.id. A single
     * recipient's message id is the tx.id; several get ids derived from the tx.id and the mailbox, so a transfer
     * sent again is recognised for each of them.
     *
     * @throws ShsException naming the SHS error an SHS client expects
     */
    List<Envelope> toEnvelopes(ShsLabel label, String caller) {
        Product product = product(label, caller);
        List<String> mailboxes = recipients(label, caller, product);
        List<Envelope> envelopes = new ArrayList<>();
        for (String mailbox : mailboxes) {
            ShsTerms shs = agreement(label, caller, product, mailbox).shsTerms().orElseThrow();
            String messageId = mailboxes.size() == 1 ? label.txId() : UUID.nameUUIDFromBytes(("urn:kurir:shs:"
                    + label.txId() + ":" + mailbox).getBytes(StandardCharsets.UTF_8)).toString();
            envelopes.add(envelope(label, messageId, caller, product, mailbox, shs, shs.disclosureMode()));
        }
        return envelopes;
    }

    /**
     * The envelope of a synch request: the caller asks the owner of the mailbox {@code to} names (or the one mailbox
     * of that organisation that answers queries under an agreement), and the data flows back, so the agreement must
     * name the answerer as producer and the caller as consumer. Disclosure is ON_REQUEST, as for every request.
     */
    Envelope toRequestEnvelope(ShsLabel label, String caller) {
        Product product = product(label, caller);
        String mailbox = answerer(label, caller, product);
        Mailbox answerer = registry.mailbox(mailbox).orElseThrow();
        List<Agreement> covering = requestAgreements(label, caller, product, answerer);
        if (covering.isEmpty()) {
            throw new ShsException(ShsProblem.SHS_AGREEMENT_MISSING, "shs.label/product: no agreement lets "
                    + caller + " ask " + answerer.participant() + " for " + product.id() + " over SHS");
        }
        Agreement agreement = covering.stream().filter(a -> a.isValidAt(clock.instant())).findFirst()
                .orElse(covering.get(0));
        return envelope(label, label.txId(), caller, product, mailbox, agreement.shsTerms().orElseThrow(),
                DisclosureMode.ON_REQUEST);
    }

    private Product product(ShsLabel label, String caller) {
        ShsAddress sender = label.sender();
        if (!sender.orgNumber().equals(caller)) {
            throw new ShsException(ShsProblem.SHS_SENDER_NOT_CALLER, "shs.label/" + (label.from() != null ? "from"
                    : "originator") + ": " + sender + " is not the authenticated participant " + caller);
        }
        return registry.productByShsType(label.product()).orElseThrow(() -> new ShsException(
                ShsProblem.SHS_UNKNOWN_PRODUCT_TYPE, "shs.label/product: " + label.product()
                        + " is no SHS product type of this gateway"));
    }

    private Envelope envelope(ShsLabel label, String messageId, String caller, Product product, String mailbox,
            ShsTerms shs, DisclosureMode disclosure) {
        LegalBasis basis = new LegalBasis(shs.statute(), shs.provision(), disclosure, shs.purpose(),
                product.classification(), product.personalData(), caller, shs.retention(), null);
        if (!CORRELATION_ID.matcher(label.corrId()).matches()) {
            throw invalid("shs.label/corr.id: at most 128 visible ASCII characters");
        }
        if (label.subject() != null && label.subject().length() > SUBJECT_LIMIT) {
            throw invalid("shs.label/subject: longer than " + SUBJECT_LIMIT + " characters");
        }
        String conversation = isUuid(label.corrId()) ? label.corrId().toLowerCase() : null;
        return new Envelope(messageId, conversation, null, label.corrId(), mailbox, product.id(),
                label.status().equals("test") ? MessageStatus.TEST : MessageStatus.PRODUCTION, label.subject(),
                metadata(label), basis, null).withAssignedIds();
    }

    private String answerer(ShsLabel label, String caller, Product product) {
        ShsAddress to = label.to();
        if (to == null) {
            throw new ShsException(ShsProblem.SHS_DELIVERY_ADDRESS_MISSING, "shs.label/to: a synch request names "
                    + "the organisation or mailbox that answers it");
        }
        if (to.mailboxName() != null) {
            return registry.mailbox(to.mailbox()).map(Mailbox::address).orElseThrow(() -> new ShsException(
                    ShsProblem.SHS_UNKNOWN_RECEIVER, "shs.label/to: " + to + " is no mailbox in the registry"));
        }
        List<String> candidates = registry.mailboxes().stream()
                .filter(m -> m.participant().equals(to.orgNumber()) && m.answersQueries())
                .filter(m -> !requestAgreements(label, caller, product, m).isEmpty()).map(Mailbox::address).toList();
        if (candidates.size() != 1) {
            throw new ShsException(candidates.isEmpty() ? ShsProblem.SHS_NO_DELIVERY_EXECUTION
                    : ShsProblem.SHS_DELIVERY_ADDRESS_MISSING, "shs.label/to: " + to + " has " + candidates.size()
                    + " mailboxes that answer synch requests for " + product.id() + " from " + caller
                    + (candidates.isEmpty() ? "" : " (" + String.join(", ", candidates) + "); address one of them"));
        }
        return candidates.get(0);
    }

    private List<Agreement> requestAgreements(ShsLabel label, String caller, Product product, Mailbox answerer) {
        return registry.agreementsCoveringRequest(product.id(), caller, answerer.participant()).stream()
                .filter(a -> a.shsTerms().isPresent())
                .filter(a -> label.agreement() == null || label.agreement().equals(a.shsTerms().get().agreement()))
                .toList();
    }

    private List<String> recipients(ShsLabel label, String caller, Product product) {
        ShsAddress to = label.to();
        if (to != null && to.mailboxName() != null) {
            return List.of(registry.mailbox(to.mailbox()).map(Mailbox::address).orElseThrow(() -> new ShsException(
                    ShsProblem.SHS_UNKNOWN_RECEIVER, "shs.label/to: " + to + " is no mailbox in the registry")));
        }
        if (to != null && registry.participant(to.orgNumber()).isEmpty()) {
            throw new ShsException(ShsProblem.SHS_UNKNOWN_RECEIVER, "shs.label/to: " + to
                    + " is no participant in the registry");
        }
        List<String> candidates = registry.mailboxes().stream().map(Mailbox::address)
                .filter(m -> to == null || m.startsWith(to.orgNumber() + "."))
                .filter(m -> !shsAgreements(label, caller, product, m).isEmpty()).toList();
        if (candidates.size() == 1 || (to == null && !candidates.isEmpty())) {
            return candidates;
        }
        if (candidates.isEmpty()) {
            throw new ShsException(ShsProblem.SHS_AGREEMENT_MISSING, "shs.label/to: no agreement carries "
                    + product.id() + " from " + caller + " over SHS" + (to == null ? "" : " to " + to));
        }
        throw new ShsException(ShsProblem.SHS_DELIVERY_ADDRESS_MISSING, "shs.label/to: the agreements name "
                + candidates.size() + " mailboxes for this product (" + String.join(", ", candidates)
                + "); address one of them as urn:X-shs:<orgnr>.<mailbox>");
    }

    /** The agreement a policy check will judge: a valid one if there is one, else the one it will refuse. */
    private Agreement agreement(ShsLabel label, String caller, Product product, String mailbox) {
        List<Agreement> covering = shsAgreements(label, caller, product, mailbox);
        if (covering.isEmpty()) {
            throw new ShsException(ShsProblem.SHS_AGREEMENT_MISSING, "shs.label/" + (label.agreement() != null
                    ? "shs.agreement: no agreement " + label.agreement() : "product: no agreement")
                    + " carries " + product.id() + " from " + caller + " to " + mailbox + " over SHS");
        }
        return covering.stream().filter(a -> a.isValidAt(clock.instant())).findFirst().orElse(covering.get(0));
    }

    private List<Agreement> shsAgreements(ShsLabel label, String caller, Product product, String mailbox) {
        return registry.agreementsCovering(product.id(), caller, mailbox).stream()
                .filter(a -> a.shsTerms().isPresent())
                .filter(a -> label.agreement() == null || label.agreement().equals(a.shsTerms().get().agreement()))
                .toList();
    }

    private static Map<String, String> metadata(ShsLabel label) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(SHS_PRODUCT, label.product());
        metadata.put(CONTENT_ID, label.contentId());
        metadata.put(SEQUENCE_TYPE, label.sequenceType());
        putIfPresent(metadata, ORIGINATOR, label.originator());
        putIfPresent(metadata, FROM, label.from());
        putIfPresent(metadata, END_RECIPIENT, label.endRecipient());
        putIfPresent(metadata, AGREEMENT, label.agreement());
        putIfPresent(metadata, DATETIME, label.datetime() == null ? null
                : label.datetime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        ShsLabel.DataPart data = label.data().isEmpty() ? null : label.data().get(0);
        if (data != null) {
            putIfPresent(metadata, DATAPART_TYPE, data.type());
            putIfPresent(metadata, FILENAME, data.filename());
            putIfPresent(metadata, RECORDS, data.records());
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (ShsLabel.Meta meta : label.meta()) {
            int n = seen.merge(meta.name(), 1, Integer::sum);
            String key = META + meta.name() + (n == 1 ? "" : "." + n);
            if (!METADATA_KEY.matcher(key).matches()) {
                throw invalid("shs.label/meta: the name '" + meta.name() + "' is longer than 50 characters or has "
                        + "others than letters, digits and . _ -");
            }
            metadata.put(key, meta.value());
        }
        for (var entry : metadata.entrySet()) {
            if (entry.getValue().length() > METADATA_VALUE_LIMIT) {
                throw invalid("shs.label: " + entry.getKey() + " is longer than " + METADATA_VALUE_LIMIT
                        + " characters");
            }
        }
        if (metadata.size() > 32) {
            throw invalid("shs.label/meta: more than " + (32 - (metadata.size() - label.meta().size()))
                    + " meta elements");
        }
        return metadata;
    }

    private static void putIfPresent(Map<String, String> metadata, String key, Object value) {
        Optional.ofNullable(value).ifPresent(v -> metadata.put(key, v.toString()));
    }

    private static boolean isUuid(String value) {
        try {
            return value.length() == 36 && UUID.fromString(value) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ShsException invalid(String detail) {
        return new ShsException(ShsProblem.SHS_LABEL_INVALID, detail);
    }
}
