package se.kurir.registry;

import java.util.List;
import se.kurir.envelope.DisclosureMode;

/** A legal basis an agreement allows: the statute and provision, and the disclosure modes and purposes under it. */
public record AllowedLegalBasis(String statute, String provision, List<DisclosureMode> disclosureModes,
        List<String> purposes) {

    public AllowedLegalBasis {
        disclosureModes = List.copyOf(disclosureModes);
        purposes = List.copyOf(purposes);
    }

    public boolean matches(String statute, String provision) {
        return this.statute.equals(statute) && this.provision.equals(provision);
    }
}
