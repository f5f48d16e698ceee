package se.kurir.registry;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.springframework.util.unit.DataSize;

/**
 * SHS product types and agreements as an SHS broker keeps them, {@code shs.product} and {@code shs.agreement} 1.2
 * documents, read into Kurir products and agreements when the registry is seeded, so an operator moving from SHS
 * keeps the documents it has. SHS knows nothing of legal bases, classifications or size limits: the seed gives them
 * per product type ({@code shsImport.productTypes}), and a document whose product type has no such terms is refused.
 * Each refusal names the file and the line. The documents are read with DTD processing off: the DOCTYPE they carry is
 * recognised, never fetched, and an entity they use is an error.
 */
final class ShsDocuments {

    private static final XMLInputFactory FACTORY = XMLInputFactory.newDefaultFactory();
    private static final Pattern ADDRESS = Pattern.compile(
            "(?i:urn:X-shs:)?([0-9]{10})(?:\\.([A-Za-z0-9][A-Za-z0-9-]{0,63}))?");

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    private ShsDocuments() {
    }

    /** A document as found: its name for error messages, and its bytes. */
    record Document(String name, byte[] bytes) {
    }

    /** What the documents add to the registry. */
    record Imported(List<Product> products, List<Agreement> agreements) {
    }

    /**
     * @param terms the seed's Kurir terms per SHS product type
     * @param seededProducts the products the seed defines itself, which an agreement may name by their SHS type
     * @param participants the organisation numbers the seed defines
     * @param mailboxes the mailbox addresses the seed defines
     * @throws InvalidRegistrySeedException naming the file and line of the first thing it cannot import
     */
    static Imported read(List<Document> documents, List<RegistrySeed.ShsProductTerms> terms,
            List<Product> seededProducts, Set<String> participants, Set<String> mailboxes) {
        Set<String> known = new HashSet<>(participants);
        known.addAll(mailboxes);
        Map<String, RegistrySeed.ShsProductTerms> termsByType = new HashMap<>();
        terms.forEach(t -> termsByType.put(t.shsProduct().toString(), t));
        Map<String, Product> productsByType = new HashMap<>();
        seededProducts.stream().filter(p -> p.shsProduct() != null).forEach(p -> productsByType.put(p.shsProduct(), p));
        List<Parsed> parsed = documents.stream().map(ShsDocuments::parse).toList();
        List<Product> products = new ArrayList<>();
        for (Parsed p : parsed) {
            if (p instanceof Parsed.ProductType type) {
                Product product = product(type, termsByType, known);
                products.add(product);
                productsByType.put(product.shsProduct(), product);
            }
        }
        List<Agreement> agreements = new ArrayList<>();
        for (Parsed p : parsed) {
            if (p instanceof Parsed.ShsAgreement agreement) {
                agreements.addAll(agreements(agreement, termsByType, productsByType, known));
            }
        }
        return new Imported(products, agreements);
    }

    /** An element's text or attribute, and the line it stood on. */
    private record At<T>(T value, int line) {
    }

    private sealed interface Parsed {
        Document document();

        record ProductType(Document document, At<String> uuid, String commonName, String description,
                At<String> principal) implements Parsed {
        }

        record ShsAgreement(Document document, At<String> uuid, At<String> principal, At<String> customer,
                At<String> flow, List<At<String>> products, boolean confirm, At<String> validFrom,
                At<String> validTo, int rootLine) implements Parsed {
        }
    }

    private static Parsed parse(Document document) {
        try {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(new ByteArrayInputStream(document.bytes()));
            while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
                // to the root element
            }
            if (!xml.isStartElement()) {
                throw refused(document, 1, "no root element");
            }
            return switch (xml.getLocalName()) {
                case "shs.product" -> productType(document, xml);
                case "shs.agreement" -> agreement(document, xml);
                default -> throw refused(document, line(xml), "<" + xml.getLocalName()
                        + "> is neither shs.product nor shs.agreement");
            };
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw refused(document, line, "not well-formed XML, or it uses an entity: " + e.getMessage()
                    .replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", ""));
        }
    }

    private static Parsed.ProductType productType(Document document, XMLStreamReader xml)
            throws XMLStreamException {
        At<String> uuid = new At<>(xml.getAttributeValue(null, "uuid"), line(xml));
        String commonName = xml.getAttributeValue(null, "commonName");
        String description = null;
        At<String> principal = null;
        while (xml.hasNext()) {
            if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            int line = line(xml);
            switch (xml.getLocalName()) {
                case "description" -> description = xml.getElementText().strip();
                case "principal" -> principal = new At<>(xml.getElementText().strip(), line);
                default -> {
                    // data and reply-data: Kurir keeps the payload whole, whatever parts SHS declared
                }
            }
        }
        return new Parsed.ProductType(document, uuid, commonName, description, principal);
    }

    private static Parsed.ShsAgreement agreement(Document document, XMLStreamReader xml) throws XMLStreamException {
        int rootLine = line(xml);
        At<String> uuid = new At<>(xml.getAttributeValue(null, "uuid"), rootLine);
        At<String> principal = null;
        At<String> customer = null;
        At<String> flow = null;
        List<At<String>> products = new ArrayList<>();
        boolean confirm = false;
        At<String> validFrom = null;
        At<String> validTo = null;
        while (xml.hasNext()) {
            if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            int line = line(xml);
            switch (xml.getLocalName()) {
                case "principal" -> principal = new At<>(xml.getElementText().strip(), line);
                case "customer" -> customer = new At<>(xml.getElementText().strip(), line);
                case "direction" -> flow = new At<>(xml.getAttributeValue(null, "flow"), line);
                case "product" -> {
                    String attribute = xml.getAttributeValue(null, "uuid");
                    String text = xml.getElementText().strip();
                    products.add(new At<>(attribute != null ? attribute : text, line));
                }
                case "confirm" -> confirm = "yes".equals(xml.getAttributeValue(null, "required"));
                case "valid-from" -> validFrom = new At<>(xml.getAttributeValue(null, "date"), line);
                case "valid-to" -> validTo = new At<>(xml.getAttributeValue(null, "date"), line);
                default -> {
                    // description, schedule and the rest: not what Kurir routes or checks by
                }
            }
        }
        return new Parsed.ShsAgreement(document, uuid, principal, customer, flow, products, confirm, validFrom,
                validTo, rootLine);
    }

    private static Product product(Parsed.ProductType type, Map<String, RegistrySeed.ShsProductTerms> termsByType,
            Set<String> known) {
        String uuid = uuid(type.document(), type.uuid(), "shs.product uuid");
        if (type.principal() != null) {
            organisation(type.document(), type.principal(), "principal", known);
        }
        RegistrySeed.ShsProductTerms terms = termsByType.get(uuid);
        if (terms == null || terms.id() == null || terms.classification() == null
                || terms.maxPayloadSize() == null) {
            throw refused(type.document(), type.uuid().line(), "product type " + uuid + " has no Kurir terms in the "
                    + "seed's shsImport.productTypes (id, classification, personalData, maxPayloadSize and the legal "
                    + "basis its messages carry)");
        }
        return new Product(terms.id(), type.commonName() != null ? type.commonName() : terms.id(),
                type.description(), terms.classification(), terms.personalData(),
                DataSize.parse(terms.maxPayloadSize()).toBytes(), null, uuid);
    }

    /** One Kurir agreement per direction the SHS agreement allows, for each product type it names. */
    private static List<Agreement> agreements(Parsed.ShsAgreement a, Map<String, RegistrySeed.ShsProductTerms> terms,
            Map<String, Product> productsByType, Set<String> known) {
        Document document = a.document();
        String uuid = uuid(document, a.uuid(), "shs.agreement uuid");
        if (a.principal() == null) {
            throw refused(document, a.rootLine(), "<principal> is required");
        }
        if (a.customer() == null) {
            throw refused(document, a.rootLine(), "<customer> is missing: an agreement open to any customer cannot "
                    + "be imported, since a Kurir agreement names its consumers");
        }
        if (a.products().isEmpty()) {
            throw refused(document, a.rootLine(), "<product> is required");
        }
        Matcher principal = organisation(document, a.principal(), "principal", known);
        Matcher customer = organisation(document, a.customer(), "customer", known);
        String flow = a.flow() == null ? null : a.flow().value();
        if (flow == null || !List.of("to-customer", "from-customer", "any").contains(flow)) {
            throw refused(document, a.flow() == null ? a.rootLine() : a.flow().line(), "<direction flow> must be "
                    + "to-customer, from-customer or any; was " + flow);
        }
        LocalDate validFrom = date(document, a.validFrom(), "valid-from");
        LocalDate validTo = date(document, a.validTo(), "valid-to");
        if (validFrom == null) {
            throw refused(document, a.rootLine(), "<valid-from date> is required");
        }
        List<Agreement> agreements = new ArrayList<>();
        for (At<String> productAt : a.products()) {
            String type = uuid(document, new At<>(productAt.value().replaceFirst("(?i)^urn:X-shs:", ""),
                    productAt.line()), "<product>");
            Product product = productsByType.get(type);
            RegistrySeed.ShsProductTerms legal = terms.get(type);
            if (product == null || legal == null) {
                throw refused(document, productAt.line(), "product type " + type + (product == null
                        ? " is neither imported nor a seeded product's shsProduct"
                        : " has no legal basis in the seed's shsImport.productTypes"));
            }
            String id = "shs-" + uuid + (a.products().size() == 1 ? "" : "-" + product.id());
            ShsTerms shs = new ShsTerms(uuid, legal.statute(), legal.provision(), legal.disclosureMode(),
                    legal.purpose(), legal.retention(), a.confirm());
            List<AllowedLegalBasis> bases = List.of(new AllowedLegalBasis(legal.statute(), legal.provision(),
                    List.of(legal.disclosureMode()), List.of(legal.purpose())));
            if (!flow.equals("from-customer")) {
                agreements.add(new Agreement(id, product.id(), principal.group(1), List.of(consumer(customer)),
                        bases, product.classification(), validFrom, validTo, legal.reviewRequired(), null, null, shs));
            }
            if (!flow.equals("to-customer")) {
                agreements.add(new Agreement(flow.equals("any") ? id + "-from-customer" : id, product.id(),
                        customer.group(1), List.of(consumer(principal)), bases, product.classification(),
                        validFrom, validTo, legal.reviewRequired(), null, null, shs));
            }
        }
        return agreements;
    }

    /** An SHS address as an agreement's consumer: the mailbox it names, or any mailbox of the organisation. */
    private static Agreement.Consumer consumer(Matcher address) {
        return new Agreement.Consumer(address.group(1), address.group(2) == null ? List.of()
                : List.of(address.group(1) + "." + address.group(2).toLowerCase(Locale.ROOT)));
    }

    /** @param known the participants' organisation numbers and the mailboxes' addresses */
    private static Matcher organisation(Document document, At<String> address, String element, Set<String> known) {
        Matcher m = ADDRESS.matcher(address.value().replaceAll("\\s+", ""));
        if (!m.matches()) {
            throw refused(document, address.line(), "<" + element + "> '" + address.value() + "' is not "
                    + "urn:X-shs:<10-digit organisation number>[.<mailbox>]");
        }
        if (!known.contains(m.group(1))) {
            throw refused(document, address.line(), "<" + element + "> " + m.group(1) + " is no participant in the "
                    + "registry seed");
        }
        if (m.group(2) != null && !known.contains(m.group(1) + "." + m.group(2).toLowerCase(Locale.ROOT))) {
            throw refused(document, address.line(), "<" + element + "> " + m.group(1) + "." + m.group(2)
                    + " is no mailbox in the registry seed");
        }
        return m;
    }

    private static String uuid(Document document, At<String> value, String what) {
        try {
            if (value.value() != null && value.value().strip().length() == 36) {
                return UUID.fromString(value.value().strip()).toString();
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw refused(document, value.line(), what + " '" + value.value() + "' is not a UUID");
    }

    private static LocalDate date(Document document, At<String> value, String element) {
        try {
            return Optional.ofNullable(value).map(At::value).map(v -> LocalDate.parse(v.strip().substring(0,
                    Math.min(10, v.strip().length())))).orElse(null);
        } catch (DateTimeParseException e) {
            throw refused(document, value.line(), "<" + element + " date> '" + value.value() + "' is not a date");
        }
    }

    private static int line(XMLStreamReader xml) {
        return xml.getLocation().getLineNumber();
    }

    private static InvalidRegistrySeedException refused(Document document, int line, String problem) {
        return new InvalidRegistrySeedException("SHS document " + document.name() + ", line " + line + ": "
                + problem, null);
    }
}
