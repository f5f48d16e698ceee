package se.kurir.registry;

import se.kurir.envelope.DisclosureMode;

/**
 * How SDK messages under an agreement are carried. An SDK message tags no legal basis (it has a confidentiality flag
 * only), so the agreement names the one its messages carry; the policy checks it against the agreement's allowed
 * bases like any other tag.
 */
public record SdkTerms(String statute, String provision, DisclosureMode disclosureMode, String purpose,
        String retention) {
}
