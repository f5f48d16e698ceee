package se.kurir.adapter.shs;

import org.springframework.stereotype.Component;
import se.kurir.registry.Participant;
import se.kurir.registry.Registry;

/**
 * Old SHS clients still write 8-digit organisation numbers; the registry knows which participant each names
 * ({@code participants[].shsLegacyNumbers}). Every address an SHS client gives, in a label or a delivery service
 * parameter, passes here before the gateway routes or checks by it, so past this point an organisation number is the
 * 10-digit one.
 */
@Component
class ShsLegacyNumbers {

    private final Registry registry;

    ShsLegacyNumbers(Registry registry) {
        this.registry = registry;
    }

    /** The label with every address in its 10-digit form. */
    ShsLabel canonical(ShsLabel label) {
        return new ShsLabel(label.txId(), label.corrId(), label.agreement(), label.transferType(),
                label.sequenceType(), label.status(),
                canonical(label.originator(), "shs.label/originator", ShsProblem.SHS_UNKNOWN_SENDER),
                canonical(label.from(), "shs.label/from", ShsProblem.SHS_UNKNOWN_SENDER),
                canonical(label.to(), "shs.label/to", ShsProblem.SHS_UNKNOWN_RECEIVER),
                canonical(label.endRecipient(), "shs.label/end-recipient", ShsProblem.SHS_UNKNOWN_RECEIVER),
                label.product(), label.meta(), label.subject(), label.datetime(), label.contentId(),
                label.contentComment(), label.data());
    }

    /**
     * The address with the participant's own number in place of a legacy one; null stays null.
     *
     * @throws ShsException with the given problem when no participant has that legacy number
     */
    ShsAddress canonical(ShsAddress address, String field, ShsProblem unknown) {
        if (address == null || !address.isLegacy()) {
            return address;
        }
        String orgNumber = registry.participantByShsLegacyNumber(address.orgNumber()).map(Participant::orgNumber)
                .orElseThrow(() -> new ShsException(unknown, field + ": " + address.orgNumber() + " is an 8-digit "
                        + "organisation number no participant in the registry is known by"));
        return new ShsAddress(orgNumber, address.mailboxName());
    }
}
