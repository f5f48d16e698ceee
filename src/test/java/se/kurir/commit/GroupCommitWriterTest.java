package se.kurir.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupCommitWriterTest {

    /** Commits strings as a database would: a value over ten characters fails the whole transaction. */
    private final List<List<String>> transactions = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch holdFirstCommit = new CountDownLatch(1);
    private final CountDownLatch firstCommitStarted = new CountDownLatch(1);

    private List<Integer> commit(List<String> batch) {
        firstCommitStarted.countDown();
        try {
            holdFirstCommit.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (batch.stream().anyMatch(s -> s.length() > 10)) {
            throw new IllegalArgumentException("value too long for its column");
        }
        transactions.add(batch);
        return batch.stream().map(String::length).toList();
    }

    @Test
    void oneBadItemFailsAloneAndItsBatchNeighboursAreCommitted() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try (var writer = new GroupCommitWriter<String, Integer>("test-writer", 64, Duration.ofSeconds(10),
                this::commit)) {
            // The first commit, of "first" alone, waits until every other item has queued behind it, so they all
            // land in one batch after it.
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> writer.submit("first"), callers);
            assertThat(firstCommitStarted.await(5, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Integer>> good = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String item = "good-" + i;
                good.add(CompletableFuture.supplyAsync(() -> writer.submit(item), callers));
            }
            CompletableFuture<Integer> bad = CompletableFuture.supplyAsync(() -> writer.submit("x".repeat(200)),
                    callers);
            await().atMost(Duration.ofSeconds(5)).until(() -> writer.queuedCount() == 6);
            holdFirstCommit.countDown();

            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(5);
            for (CompletableFuture<Integer> g : good) {
                assertThat(g.get(5, TimeUnit.SECONDS)).isEqualTo(6);
            }
            assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(GroupCommitWriter.NotCommittedException.class)
                    .hasRootCauseMessage("value too long for its column");
            assertThat(writer.appendedCount()).isEqualTo(6);
        } finally {
            callers.shutdownNow();
        }
        assertThat(transactions.stream().flatMap(List::stream)).hasSize(6).doesNotContain("x".repeat(200));
    }
}
