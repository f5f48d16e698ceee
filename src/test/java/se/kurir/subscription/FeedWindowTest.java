package se.kurir.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class FeedWindowTest {

    static List<FeedEvent> events(long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(s -> new FeedEvent("p", s, "e" + s, "t", "k", "x", "a", null,
                null, Instant.EPOCH)).toList();
    }

    static List<Long> sequences(List<FeedEvent> events) {
        return events.stream().map(FeedEvent::sequence).toList();
    }

    @Test
    void servesRunsItHoldsWhole() {
        FeedWindow window = new FeedWindow(100);
        window.append(events(5, 20));
        assertThat(sequences(window.after(4, 3))).containsExactly(5L, 6L, 7L);
        assertThat(sequences(window.after(18, 10))).containsExactly(19L, 20L);
        assertThat(window.after(20, 10)).isEmpty();
        assertThat(window.after(3, 10)).as("event 4 is not in the window").isNull();
    }

    @Test
    void keepsOnlyTheNewestAndRestartsAfterAGap() {
        FeedWindow window = new FeedWindow(10);
        window.append(events(1, 25));
        assertThat(window.after(14, 1)).isNull();
        assertThat(sequences(window.after(15, 1))).containsExactly(16L);

        window.append(events(30, 31)); // 26..29 came from another node
        assertThat(window.after(25, 5)).isNull();
        assertThat(sequences(window.after(29, 5))).containsExactly(30L, 31L);
    }
}
