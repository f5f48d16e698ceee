package se.kurir.subscription;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which events of the feed a subscriber wants. Every part that is given must hold; an empty part lets all through.
 *
 * @param eventTypes event types of interest
 * @param subjectKeys the watched subjects (for example the organisation numbers a subscriber follows)
 * @param conditions conditions on payload fields the subscriber is entitled to see
 */
public record SubscriptionFilter(Set<String> eventTypes, Set<String> subjectKeys, List<FieldCondition> conditions) {

    public static final SubscriptionFilter ALL = new SubscriptionFilter(null, null, null);

    public SubscriptionFilter {
        eventTypes = eventTypes == null ? Set.of() : new LinkedHashSet<>(eventTypes);
        subjectKeys = subjectKeys == null ? Set.of() : new LinkedHashSet<>(subjectKeys);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    boolean matches(FeedEvent event) {
        return (eventTypes.isEmpty() || eventTypes.contains(event.eventType()))
                && (subjectKeys.isEmpty() || subjectKeys.contains(event.subjectKey()))
                && conditions.stream().allMatch(c -> c.holdsFor(event.payload()));
    }
}
