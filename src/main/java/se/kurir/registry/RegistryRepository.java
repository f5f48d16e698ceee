package se.kurir.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import se.kurir.envelope.Classification;

/** Registry tables. Upserts are written as update-then-insert so the same SQL runs on H2 and PostgreSQL. */
@Repository
class RegistryRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final JavaType settingsType;

    RegistryRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.settingsType = json.getTypeFactory().constructMapType(Map.class, String.class, String.class);
    }

    /** Terms of an agreement that are stored as one JSON document: consumers, allowed legal bases, protection. */
    record Terms(List<Agreement.Consumer> consumers, List<AllowedLegalBasis> legalBases,
            PayloadProtection protection, PrivacyPlan privacy, ShsTerms shs, SdkTerms sdk) {
    }

    @Transactional
    void replaceAll(List<Participant> participants, List<Mailbox> mailboxes, List<Product> products,
            List<Agreement> agreements, List<PeerNode> nodes) {
        replaceDirectory(nodes);
        participants.forEach(this::upsert);
        mailboxes.forEach(this::upsert);
        products.forEach(this::upsert);
        agreements.forEach(this::upsert);
        deleteOthers("agreements", "id", agreements.stream().map(Agreement::id).toList());
        deleteOthers("products", "id", products.stream().map(Product::id).toList());
        deleteOthers("mailboxes", "address", mailboxes.stream().map(Mailbox::address).toList());
        deleteOthers("participants", "org_number", participants.stream().map(Participant::orgNumber).toList());
    }

    /** The directory is small and read whole: written afresh each time. */
    private void replaceDirectory(List<PeerNode> nodes) {
        jdbc.sql("DELETE FROM peer_node_participants").update();
        deleteOthers("peer_nodes", "id", nodes.stream().map(PeerNode::id).toList());
        for (PeerNode node : nodes) {
            if (jdbc.sql("UPDATE peer_nodes SET url = ?, tls_fingerprint = ? WHERE id = ?")
                    .params(node.url(), node.tlsFingerprint(), node.id()).update() == 0) {
                jdbc.sql("INSERT INTO peer_nodes (url, tls_fingerprint, id) VALUES (?, ?, ?)")
                        .params(node.url(), node.tlsFingerprint(), node.id()).update();
            }
            node.participants().forEach(p -> jdbc.sql("INSERT INTO peer_node_participants (participant, node_id) "
                    + "VALUES (?, ?)").params(p, node.id()).update());
        }
    }

    private void deleteOthers(String table, String key, Collection<String> keep) {
        if (keep.isEmpty()) {
            jdbc.sql("DELETE FROM " + table).update();
        } else {
            jdbc.sql("DELETE FROM " + table + " WHERE " + key + " NOT IN (:keep)").param("keep", keep).update();
        }
    }

    private void upsert(Participant p) {
        String legacy = p.shsLegacyNumbers().isEmpty() ? null : String.join(",", p.shsLegacyNumbers());
        int n = jdbc.sql("UPDATE participants SET name = :name, sdk_domain = :sdk, shs_legacy_numbers = :legacy "
                + "WHERE org_number = :id").param("name", p.name()).param("sdk", p.sdkDomain())
                .param("legacy", legacy).param("id", p.orgNumber()).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO participants (org_number, name, sdk_domain, shs_legacy_numbers) "
                    + "VALUES (:id, :name, :sdk, :legacy)").param("name", p.name()).param("sdk", p.sdkDomain())
                    .param("legacy", legacy).param("id", p.orgNumber()).update();
        }
    }

    private void upsert(Mailbox m) {
        var params = new Object[] {m.participant(), m.description(), m.sdkFunctionalAddress(),
            toJson(m.delivery().settings()), m.queryUrl(), m.address()};
        int n = jdbc.sql("UPDATE mailboxes SET participant = ?, description = ?, sdk_functional_address = ?, "
                + "delivery = ?, query_url = ? WHERE address = ?").params(params).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO mailboxes (participant, description, sdk_functional_address, delivery, query_url, "
                    + "address) VALUES (?, ?, ?, ?, ?, ?)").params(params).update();
        }
    }

    private void upsert(Product p) {
        var params = new Object[] {p.name(), p.description(), p.classification().name(), p.personalData(),
            p.maxPayloadBytes(), p.eventRetention() == null ? null : p.eventRetention().toString(), p.shsProduct(),
            p.priority().name(), p.id()};
        int n = jdbc.sql("UPDATE products SET name = ?, description = ?, classification = ?, personal_data = ?, "
                + "max_payload_bytes = ?, event_retention = ?, shs_product = ?, priority = ? WHERE id = ?")
                .params(params).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO products (name, description, classification, personal_data, max_payload_bytes, "
                    + "event_retention, shs_product, priority, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)").params(params)
                    .update();
        }
    }

    private void upsert(Agreement a) {
        var params = new Object[] {a.product(), a.producer(), a.classificationCeiling().name(),
            Date.valueOf(a.validFrom()), a.validTo() == null ? null : Date.valueOf(a.validTo()), a.reviewRequired(),
            toJson(new Terms(a.consumers(), a.legalBases(), a.protection(), a.privacy(), a.shs(), a.sdk())), a.id()};
        int n = jdbc.sql("UPDATE agreements SET product = ?, producer = ?, classification_ceiling = ?, valid_from = ?, "
                + "valid_to = ?, review_required = ?, terms = ? WHERE id = ?").params(params).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO agreements (product, producer, classification_ceiling, valid_from, valid_to, "
                    + "review_required, terms, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").params(params).update();
        }
    }

    List<Participant> participants() {
        return jdbc.sql("SELECT org_number, name, sdk_domain, shs_legacy_numbers FROM participants ORDER BY org_number")
                .query((rs, i) -> new Participant(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4) == null ? List.of() : List.of(rs.getString(4).split(",")))).list();
    }

    List<Mailbox> mailboxes() {
        return jdbc.sql("SELECT address, participant, description, sdk_functional_address, delivery, query_url "
                + "FROM mailboxes ORDER BY address").query((rs, i) -> new Mailbox(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), DeliveryChannel.of(fromJson(rs.getString(5), settingsType)),
                        rs.getString(6))).list();
    }

    List<Product> products() {
        return jdbc.sql("SELECT id, name, description, classification, personal_data, max_payload_bytes, "
                + "event_retention, shs_product, priority FROM products ORDER BY id").query((rs, i) -> new Product(
                        rs.getString(1), rs.getString(2), rs.getString(3), Classification.valueOf(rs.getString(4)),
                        rs.getBoolean(5), rs.getLong(6), rs.getString(7) == null ? null : Period.parse(rs.getString(7)),
                        rs.getString(8), Priority.valueOf(rs.getString(9)))).list();
    }

    List<PeerNode> peerNodes() {
        Map<String, List<String>> served = new HashMap<>();
        jdbc.sql("SELECT node_id, participant FROM peer_node_participants ORDER BY participant").query(rs -> {
            served.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
        return jdbc.sql("SELECT id, url, tls_fingerprint FROM peer_nodes ORDER BY id").query((rs, i) -> new PeerNode(
                rs.getString(1), rs.getString(2), rs.getString(3), served.getOrDefault(rs.getString(1), List.of())))
                .list();
    }

    List<Agreement> agreements() {
        return jdbc.sql("SELECT id, product, producer, classification_ceiling, valid_from, valid_to, review_required, "
                + "terms FROM agreements ORDER BY id").query((rs, i) -> {
                    Terms terms = fromJson(rs.getString(8), json.constructType(Terms.class));
                    Date validTo = rs.getDate(6);
                    return new Agreement(rs.getString(1), rs.getString(2), rs.getString(3), terms.consumers(),
                            terms.legalBases(), Classification.valueOf(rs.getString(4)), rs.getDate(5).toLocalDate(),
                            validTo == null ? null : validTo.toLocalDate(), rs.getBoolean(7),
                            terms.protection(), terms.privacy(), terms.shs(), terms.sdk());
                }).list();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise registry column", e);
        }
    }

    private <T> T fromJson(String text, JavaType type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored registry column is unreadable", e);
        }
    }
}
