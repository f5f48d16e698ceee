package se.kurir.crypto;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * The organisation number in a certificate's subject, where Swedish function certificates put it: the
 * organizationIdentifier ({@code NTRSE-2021005521}, ETSI EN 319 412-1) or the serialNumber ({@code 2021005521},
 * {@code SE2021005521} or the 12-digit {@code 162021005521}).
 */
public final class OrganisationNumbers {

    private static final ASN1ObjectIdentifier ORGANIZATION_IDENTIFIER = BCStyle.ORGANIZATION_IDENTIFIER;
    private static final Pattern NTR = Pattern.compile("NTRSE-([0-9]{10})");
    private static final Pattern SERIAL = Pattern.compile("(?:SE|16)?([0-9]{10})");

    private OrganisationNumbers() {
    }

    public static Optional<String> fromSubject(X500Principal subject) {
        X500Name name = X500Name.getInstance(subject.getEncoded());
        return first(name, ORGANIZATION_IDENTIFIER, NTR).or(() -> first(name, BCStyle.SERIALNUMBER, SERIAL));
    }

    private static Optional<String> first(X500Name name, ASN1ObjectIdentifier type, Pattern pattern) {
        // A multi-valued RDN (CN=...+serialNumber=...) holds several attributes: read the one of the type asked for,
        // never whichever comes first.
        for (RDN rdn : name.getRDNs(type)) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                if (!attribute.getType().equals(type)) {
                    continue;
                }
                Matcher m = pattern.matcher(IETFUtils.valueToString(attribute.getValue()));
                if (m.matches()) {
                    return Optional.of(m.group(1));
                }
            }
        }
        return Optional.empty();
    }
}
