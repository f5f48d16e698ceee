package se.kurir.subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The newest events of one feed, in memory, so that hundreds of subscribers following the head read one stored
 * event from memory instead of each from the database. It holds an unbroken run of sequence numbers; a reader asking
 * for anything before that run goes to the database.
 */
final class FeedWindow {

    private final ConcurrentSkipListMap<Long, FeedEvent> events = new ConcurrentSkipListMap<>();
    private final int capacity;

    FeedWindow(int capacity) {
        this.capacity = capacity;
    }

    /** Appends committed events in order; a gap (events this node did not write) restarts the run. */
    synchronized void append(List<FeedEvent> committed) {
        for (FeedEvent event : committed) {
            Map.Entry<Long, FeedEvent> last = events.lastEntry();
            if (last != null && last.getKey() != event.sequence() - 1) {
                events.clear();
            }
            events.put(event.sequence(), event);
        }
        while (events.size() > capacity) {
            events.pollFirstEntry();
        }
    }

    /** The events after {@code after}, or null when the window does not reach back that far. */
    List<FeedEvent> after(long after, int limit) {
        Map.Entry<Long, FeedEvent> first = events.firstEntry();
        if (first == null || after < first.getKey() - 1) {
            return null;
        }
        List<FeedEvent> page = new ArrayList<>(Math.min(limit, 256));
        for (FeedEvent event : events.tailMap(after, false).values()) {
            if (page.size() == limit || event.sequence() != (page.isEmpty() ? after + 1
                    : page.get(page.size() - 1).sequence() + 1)) {
                break;
            }
            page.add(event);
        }
        return page;
    }

    synchronized void clear() {
        events.clear();
    }
}
