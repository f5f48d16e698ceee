package se.kurir.adapter.as4;

import com.helger.phase4.model.MessageProperty;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import se.kurir.delivery.DeliveryException;
import se.kurir.delivery.MessageIntake;
import se.kurir.delivery.MessageRecord;
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
    /**
     * The AS4 message id of the message this one answers. A message property, not ebMS's RefToMessageId: in a
     * one-way P-Mode that header makes the receiver look for the second leg of a two-way exchange.
     */
    static final String IN_REPLY_TO = "kurir.inReplyTo";
    /** The envelope's record of the AS4 exchange it came by. */
    static final String AS4_MESSAGE_ID = "as4.message-id";
    static final String AS4_PARTNER = "as4.partner";
    static final String AS4_CONVERSATION = "as4.conversation-id";
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Registry registry;
    private final MessageIntake intake;
    private final Clock clock;

    As4Envelopes(Registry registry, MessageIntake intake, Clock clock) {
        this.registry = registry;
        this.intake = intake;
        this.clock = clock;
    }

    /** What a user message says, as the bridge reads it off the wire. */
    record Received(String as4MessageId, String conversationId, String partner, Map<String, String> properties) {
    }

    /** The ebMS header of a Kurir message leaving for a partner. */
    record Outgoing(String messageId, String conversationId, List<MessageProperty> properties) {
    }

    /**
     * The header a Kurir message is sent with. Its AS4 message id is unique across access points and the same on
     * every retry; a reply names the AS4 message it answers: the partner's own id when the message came by AS4,
     * else the id this node gave it.
     */
    Outgoing outgoing(MessageRecord message, String partyId) {
        Envelope envelope = message.envelope();
        String conversation = envelope.conversationId() != null ? envelope.conversationId()
                : envelope.correlationId() != null ? envelope.correlationId() : message.messageId();
        List<MessageProperty> properties = properties(message.sender(), envelope);
        if (envelope.inReplyTo() != null) {
            properties.add(property(IN_REPLY_TO, null, as4IdOf(envelope.inReplyTo(), partyId)));
        }
        return new Outgoing(message.messageId() + "@" + partyId, conversation, properties);
    }

    private String as4IdOf(String kurirMessageId, String partyId) {
        try {
            String received = intake.message(kurirMessageId).envelope().metadata().get(AS4_MESSAGE_ID);
            return received != null ? received : kurirMessageId + "@" + partyId;
        } catch (DeliveryException unknown) {
            return kurirMessageId + "@" + partyId;
        }
    }

    private static List<MessageProperty> properties(String sender, Envelope envelope) {
        List<MessageProperty> properties = new ArrayList<>();
        properties.add(property(ORIGINAL_SENDER, ORGANISATION_NUMBER, sender));
        properties.add(property(FINAL_RECIPIENT, MAILBOX, envelope.recipient()));
        LegalBasis basis = envelope.legalBasis();
        properties.add(property(STATUTE, null, basis.statute()));
        properties.add(property(PROVISION, null, basis.provision()));
        properties.add(property(DISCLOSURE, null, basis.disclosureMode().name()));
        properties.add(property(PURPOSE, null, basis.purpose()));
        properties.add(property(STATUS, null, envelope.status().name()));
        for (String[] optional : new String[][] {{RETENTION, basis.retention()},
                {CORRELATION, envelope.correlationId()}, {SUBJECT, envelope.subject()}}) {
            if (optional[1] != null) {
                properties.add(property(optional[0], null, optional[1]));
            }
        }
        return properties;
    }

    private static MessageProperty property(String name, String type, String value) {
        return MessageProperty.builder().name(name).type(type).value(value).build();
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
                inReplyTo(properties.get(IN_REPLY_TO)), correlation, mailbox.address(), product.id(),
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

    /** The Kurir message an {@code kurir.inReplyTo} names: one this node sent, {@code <message id>@<party id>}. */
    private static String inReplyTo(String as4Id) {
        if (as4Id == null) {
            return null;
        }
        String id = as4Id.contains("@") ? as4Id.substring(0, as4Id.indexOf('@')) : as4Id;
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
