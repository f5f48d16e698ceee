package se.kurir.adapter.as4;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import se.kurir.envelope.DisclosureMode;
import se.kurir.envelope.Envelope;
import se.kurir.envelope.LegalBasis;
import se.kurir.envelope.MessageStatus;
import se.kurir.registry.Agreement;
import se.kurir.registry.AllowedLegalBasis;
import se.kurir.registry.Mailbox;
import se.kurir.registry.Product;
import se.kurir.registry.Registry;

/**
 * An AS4 user message as a Kurir envelope, and back, in eDelivery's four-corner terms: the message properties
 * {@code originalSender} (an organisation number, ISO 6523 scheme 0007) and {@code finalRecipient} (a Kurir mailbox)
 * name the parties behind the two access points, the P-Mode names the product. Kurir's legal-basis tag travels as
 * message properties too; a partner that sends none gets the one its agreement allows, so the policy checks and the
 * audit records a basis for every message.
 */
@Component
class As4Envelopes {

    static final String ORIGINAL_SENDER = "originalSender";
    static final String FINAL_RECIPIENT = "finalRecipient";
    static final String ORGANISATION_NUMBER = "urn:oasis:names:tc:ebcore:partyid-type:iso6523:0007";
    static final String MAILBOX = "urn:kurir:mailbox";
    static final String STATUTE = "kurir.legalBasis.statute";
    static final String PROVISION = "kurir.legalBasis.provision";
    static final String DISCLOSURE = "kurir.legalBasis.disclosureMode";
    static final String PURPOSE = "kurir.legalBasis.purpose";
    static final String RETENTION = "kurir.legalBasis.retention";
    static final String CORRELATION = "kurir.correlationId";
    static final String SUBJECT = "kurir.subject";
    static final String STATUS = "kurir.status";
    /** The envelope's record of the AS4 exchange it came by. */
    static final String AS4_MESSAGE_ID = "as4.message-id";
    static final String AS4_PARTNER = "as4.partner";
    static final String AS4_CONVERSATION = "as4.conversation-id";
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Registry registry;
    private final Clock clock;

    As4Envelopes(Registry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** What a user message says, as the bridge reads it off the wire. */
    record Received(String as4MessageId, String conversationId, String refToMessageId, String partner,
            Map<String, String> properties) {
    }

    /** The message properties a Kurir envelope is sent with. */
    Map<String, String> properties(String sender, Envelope envelope) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(ORIGINAL_SENDER, sender);
        properties.put(FINAL_RECIPIENT, envelope.recipient());
        LegalBasis basis = envelope.legalBasis();
        properties.put(STATUTE, basis.statute());
        properties.put(PROVISION, basis.provision());
        properties.put(DISCLOSURE, basis.disclosureMode().name());
        properties.put(PURPOSE, basis.purpose());
        putIfPresent(properties, RETENTION, basis.retention());
        putIfPresent(properties, CORRELATION, envelope.correlationId());
        putIfPresent(properties, SUBJECT, envelope.subject());
        properties.put(STATUS, envelope.status().name());
        return properties;
    }

    /** The AS4 message id of a Kurir message: unique across access points, the same on every retry. */
    String as4MessageId(String kurirMessageId, String partyId) {
        return kurirMessageId + "@" + partyId;
    }

    /**
     * @throws As4Refusal naming the property at fault and the ebMS error the partner is answered with
     */
    Envelope toEnvelope(Received message, As4Properties.PModeSettings pmode) {
        Map<String, String> properties = message.properties();
        String sender = required(properties, ORIGINAL_SENDER);
        if (!pmode.senders().contains(sender)) {
            throw As4Refusal.notAuthorised("originalSender: " + sender + " is not an organisation partner "
                    + pmode.partnerPartyId() + " may send for");
        }
        String recipient = required(properties, FINAL_RECIPIENT);
        Mailbox mailbox = registry.mailbox(recipient).orElseThrow(() -> As4Refusal.unknown("finalRecipient: "
                + recipient + " is no mailbox of this gateway"));
        Product product = registry.product(pmode.product()).orElseThrow(() -> new IllegalStateException(
                "kurir.as4.pmodes[" + pmode.id() + "].product " + pmode.product() + " is not in the registry"));
        LegalBasis basis = properties.containsKey(STATUTE)
                ? taggedBasis(properties, sender, product)
                : agreedBasis(sender, mailbox, product);
        String conversation = message.conversationId();
        String correlation = properties.getOrDefault(CORRELATION, conversation);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(AS4_MESSAGE_ID, message.as4MessageId());
        metadata.put(AS4_PARTNER, message.partner());
        putIfPresent(metadata, AS4_CONVERSATION, conversation);
        String messageId = UUID.nameUUIDFromBytes(("urn:kurir:as4:" + message.partner() + ":"
                + message.as4MessageId()).getBytes(StandardCharsets.UTF_8)).toString();
        return new Envelope(messageId, isUuid(conversation) ? conversation.toLowerCase() : null,
                inReplyTo(message.refToMessageId()), correlation, mailbox.address(), product.id(),
                status(properties.get(STATUS)), properties.get(SUBJECT), metadata, basis, null).withAssignedIds();
    }

    private LegalBasis taggedBasis(Map<String, String> properties, String sender, Product product) {
        DisclosureMode disclosure;
        try {
            disclosure = DisclosureMode.valueOf(required(properties, DISCLOSURE));
        } catch (IllegalArgumentException e) {
            throw As4Refusal.invalid(DISCLOSURE + ": not one of " + List.of(DisclosureMode.values()));
        }
        return new LegalBasis(required(properties, STATUTE), required(properties, PROVISION), disclosure,
                required(properties, PURPOSE), product.classification(), product.personalData(), sender,
                properties.get(RETENTION), null);
    }

    /** A partner that tags no legal basis sends under the agreement's first one. */
    private LegalBasis agreedBasis(String sender, Mailbox mailbox, Product product) {
        List<Agreement> covering = registry.agreementsCovering(product.id(), sender, mailbox.address());
        Agreement agreement = covering.stream().filter(a -> a.isValidAt(clock.instant())).findFirst()
                .orElseThrow(() -> As4Refusal.notAuthorised("finalRecipient: no agreement in force lets " + sender
                        + " send " + product.id() + " to " + mailbox.address()));
        AllowedLegalBasis allowed = agreement.legalBases().get(0);
        return new LegalBasis(allowed.statute(), allowed.provision(), allowed.disclosureModes().get(0),
                allowed.purposes().isEmpty() ? product.name() : allowed.purposes().get(0), product.classification(),
                product.personalData(), sender, null, null);
    }

    private static String inReplyTo(String refToMessageId) {
        if (refToMessageId == null) {
            return null;
        }
        String id = refToMessageId.contains("@") ? refToMessageId.substring(0, refToMessageId.indexOf('@'))
                : refToMessageId;
        return isUuid(id) ? id.toLowerCase() : null;
    }

    private static MessageStatus status(String status) {
        return "TEST".equals(status) ? MessageStatus.TEST : MessageStatus.PRODUCTION;
    }

    private static String required(Map<String, String> properties, String name) {
        String value = properties.get(name);
        if (value == null || value.isBlank()) {
            throw As4Refusal.invalid(name + ": the message property is missing");
        }
        return value;
    }

    private static boolean isUuid(String text) {
        return text != null && UUID_TEXT.matcher(text).matches();
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
