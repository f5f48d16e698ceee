package se.kurir.adapter.sdk;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import se.kurir.envelope.Envelope;
import se.kurir.envelope.LegalBasis;
import se.kurir.envelope.MessageStatus;
import se.kurir.registry.Agreement;
import se.kurir.registry.Mailbox;
import se.kurir.registry.Participant;
import se.kurir.registry.Product;
import se.kurir.registry.Registry;
import se.kurir.registry.SdkTerms;

/**
 * Turns an SDK message's header into a Kurir envelope. Organisations are participants by their SDK domain
 * ({@code 0203:<domain>}, the registry's {@code sdkDomain}) and functional addresses are mailboxes by the registry's
 * {@code sdkFunctionalAddress}; the sender must be the caller. An SDK message tags no legal basis, so the agreement's
 * SDK terms give the one it carries, and the policy checks and audits it like any other. What SDK says that Kurir does
 * not route by is kept in the envelope's metadata under {@code sdk.}.
 */
@Component
class SdkEnvelopes {

    static final String SENDER = "sdk.sender";
    static final String RECIPIENT = "sdk.recipient";
    static final String SENDER_ADDRESS = "sdk.sender-functional-address";
    static final String RECIPIENT_ADDRESS = "sdk.recipient-functional-address";
    static final String CONFIDENTIALITY = "sdk.confidentiality";
    static final String CREATED = "sdk.creation-date-time";
    static final String GENERATING_SYSTEM = "sdk.generating-system";
    private static final String DOMAIN_PREFIX = "0203:";

    private final Registry registry;
    private final SdkProperties properties;
    private final Clock clock;

    SdkEnvelopes(Registry registry, SdkProperties properties, Clock clock) {
        this.registry = registry;
        this.properties = properties;
        this.clock = clock;
    }

    Envelope toEnvelope(SdkMessage message, String caller) {
        Participant sender = participant(message.senderOrganisation()).filter(p -> p.orgNumber().equals(caller))
                .orElseThrow(() -> new SdkException(SdkProblem.SDK_SENDER_NOT_CALLER, HttpStatus.FORBIDDEN,
                        "sender: " + message.senderOrganisation() + " is not the authenticated participant "
                                + caller));
        if (message.senderFunctionalAddress() != null && mailbox(sender, message.senderFunctionalAddress())
                .isEmpty()) {
            throw new SdkException(SdkProblem.SDK_SENDER_NOT_CALLER, HttpStatus.FORBIDDEN, "senderAttention."
                    + "subOrganization.extension: not a functional address of " + caller);
        }
        Participant recipient = participant(message.recipientOrganisation()).orElseThrow(() -> unknownRecipient(
                "recipient: " + message.recipientOrganisation() + " is no organisation in the SDK address book"));
        Mailbox mailbox = mailbox(recipient, message.recipientFunctionalAddress()).orElseThrow(() ->
                unknownRecipient("recipientAttention.subOrganization.extension: no functional address of "
                        + message.recipientOrganisation() + " is called so"));
        Product product = registry.product(properties.product()).orElseThrow(() -> SdkException.badRequest(
                SdkProblem.SDK_AGREEMENT_MISSING, "recipient: this node carries no SDK messages (its registry has no "
                        + "product " + properties.product() + ")"));
        List<Agreement> covering = registry.agreementsCovering(product.id(), caller, mailbox.address()).stream()
                .filter(a -> a.sdkTerms().isPresent()).toList();
        if (covering.isEmpty()) {
            throw SdkException.badRequest(SdkProblem.SDK_AGREEMENT_MISSING, "recipientAttention.subOrganization"
                    + ".extension: no agreement carries SDK messages from " + caller + " to " + mailbox.address());
        }
        Agreement agreement = covering.stream().filter(a -> a.isValidAt(clock.instant())).findFirst()
                .orElse(covering.get(0));
        SdkTerms sdk = agreement.sdkTerms().orElseThrow();
        LegalBasis basis = new LegalBasis(sdk.statute(), sdk.provision(), sdk.disclosureMode(), sdk.purpose(),
                product.classification(), product.personalData(), caller, sdk.retention(), null);
        String id = message.messageId().toLowerCase(Locale.ROOT);
        return new Envelope(id, message.conversationId().toLowerCase(Locale.ROOT),
                message.refToMessageId() == null ? null : message.refToMessageId().toLowerCase(Locale.ROOT), null,
                mailbox.address(), product.id(), MessageStatus.PRODUCTION, message.label(), metadata(message), basis,
                null).withAssignedIds();
    }

    private static Map<String, String> metadata(SdkMessage message) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(SENDER, message.senderOrganisation());
        metadata.put(RECIPIENT, message.recipientOrganisation());
        metadata.put(RECIPIENT_ADDRESS, message.recipientFunctionalAddress());
        Optional.ofNullable(message.senderFunctionalAddress()).ifPresent(a -> metadata.put(SENDER_ADDRESS, a));
        metadata.put(CONFIDENTIALITY, Boolean.toString(message.confidentiality()));
        metadata.put(CREATED, message.creationDateTime());
        Optional.ofNullable(message.generatingSystem()).ifPresent(s -> metadata.put(GENERATING_SYSTEM, s));
        return metadata;
    }

    /** The participant an SDK address names: {@code 0203:<domain>}, its registry's SDK domain. */
    Optional<Participant> participant(String address) {
        if (address == null || !address.startsWith(DOMAIN_PREFIX)) {
            return Optional.empty();
        }
        String domain = address.substring(DOMAIN_PREFIX.length());
        return registry.participants().stream().filter(p -> domain.equalsIgnoreCase(p.sdkDomain())).findFirst();
    }

    Optional<Mailbox> mailbox(Participant owner, String functionalAddress) {
        return registry.mailboxes().stream().filter(m -> m.participant().equals(owner.orgNumber()))
                .filter(m -> functionalAddress != null && functionalAddress.equals(m.sdkFunctionalAddress()))
                .findFirst();
    }

    private static SdkException unknownRecipient(String detail) {
        return SdkException.badRequest(SdkProblem.SDK_RECIPIENT_UNKNOWN, detail);
    }
}
