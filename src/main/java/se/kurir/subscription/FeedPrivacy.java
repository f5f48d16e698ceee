package se.kurir.subscription;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.kurir.privacy.DocumentPrivacy;
import se.kurir.privacy.PrivacyContext;
import se.kurir.registry.PrivacyPlan;
import se.kurir.registry.Registry;

/**
 * The privacy step on a page of feed events, for the subscriber's own terms (or the agreement's): applied to every
 * event before any channel delivers it, after the field entitlements. The subject key is the raw identifier, so it
 * is replaced by the transformed value at the plan's {@code subjectKeyFrom} pointer, or withheld. An event that does
 * not fit the plan is withheld, never delivered untransformed.
 */
@Component
class FeedPrivacy {

    /** Plan parameter: the JSON Pointer whose transformed value becomes the subject key the subscriber sees. */
    static final String SUBJECT_KEY_FROM = "subjectKeyFrom";

    private final Registry registry;
    private final DocumentPrivacy privacy;
    private final ObjectMapper json;

    FeedPrivacy(Registry registry, DocumentPrivacy privacy, ObjectMapper json) {
        this.registry = registry;
        this.privacy = privacy;
        this.json = json;
    }

    List<FeedItem> apply(Subscription subscription, List<FeedItem> items) {
        var agreement = registry.agreement(subscription.agreementId());
        var plan = agreement.flatMap(a -> a.privacyFor(subscription.consumer()));
        if (plan.isEmpty() || items.isEmpty()) {
            return items;
        }
        String producer = agreement.get().producer();
        // Keys differ per purpose, so each purpose's events are one application.
        Map<String, List<FeedItem>> byPurpose = new LinkedHashMap<>();
        items.forEach(i -> byPurpose.computeIfAbsent(i.legalBasis().purpose(), p -> new ArrayList<>()).add(i));
        Map<Long, FeedItem> transformed = new LinkedHashMap<>();
        byPurpose.forEach((purpose, group) -> transform(plan.get(), subscription, producer, purpose, group,
                transformed));
        return items.stream().map(i -> transformed.get(i.sequence())).filter(i -> i != null).toList();
    }

    private void transform(PrivacyPlan plan, Subscription s, String producer, String purpose, List<FeedItem> group,
            Map<Long, FeedItem> into) {
        FeedItem first = group.get(0);
        var context = new PrivacyContext(null, producer, s.consumer(), s.id(), s.product(), s.agreementId(),
                purpose, first.legalBasis().summary(), "application/json");
        List<byte[]> documents = new ArrayList<>();
        try {
            for (FeedItem item : group) {
                documents.add(json.writeValueAsBytes(item.payload()));
            }
            List<byte[]> results = privacy.apply(plan, context, documents);
            for (int i = 0; i < group.size(); i++) {
                if (results.get(i) != null) {
                    FeedItem item = group.get(i);
                    JsonNode payload = json.readTree(results.get(i));
                    into.put(item.sequence(), new FeedItem(item.sequence(), item.eventId(), item.idempotencyKey(),
                            item.eventType(), subjectKey(plan, payload), item.publishedAt(), item.legalBasis(),
                            payload));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String subjectKey(PrivacyPlan plan, JsonNode payload) {
        String pointer = plan.parameters().get(SUBJECT_KEY_FROM);
        if (pointer == null) {
            return null;
        }
        JsonNode value = payload.at(JsonPointer.compile(pointer));
        return value.isValueNode() ? value.asText() : null;
    }
}
