package se.kurir.registry;

import se.kurir.envelope.DisclosureMode;

/**
 * How SHS traffic under an agreement is carried. An SHS client tags no legal basis, so the agreement names the one
 * its messages carry; the policy checks it against the agreement's allowed bases like any other tag.
 *
 * @param agreement the SHS agreement's own id, as labels name it in {@code shs.agreement}; null when none is used
 * @param confirm whether the recipient's acknowledgement sends a {@code confirm} message back to the sender
 */
public record ShsTerms(String agreement, String statute, String provision, DisclosureMode disclosureMode,
        String purpose, String retention, boolean confirm) {
}
