package se.kurir.subscription;

/** Told on the feed writer's thread when events are committed; must return quickly. */
@FunctionalInterface
public interface FeedListener {

    void appended(String product, long head);
}
