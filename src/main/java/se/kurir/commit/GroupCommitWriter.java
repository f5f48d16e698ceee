package se.kurir.commit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands items to one writer thread that commits whatever has queued up, up to {@code maxBatch}, in one go. A caller
 * returns once its item's batch is committed, with that item's result; an item that cannot be committed fails alone.
 * The single writer also makes ordering
 * decisions (a hash chain, a sequence number) in one place, so they cannot fork.
 *
 * @param <T> what callers hand in
 * @param <R> what each learns once committed
 */
public final class GroupCommitWriter<T, R> implements AutoCloseable {

    /**
     * Commits a batch in one transaction and returns one result per item, in order; throws if nothing committed (and
     * then leaves whatever state it keeps as it was, since the writer tries the items again one by one).
     */
    @FunctionalInterface
    public interface BatchCommitter<T, R> {
        List<R> commit(List<T> batch);
    }

    /** Why a caller's item is not committed; the cause, when there is one, says what failed underneath. */
    public static final class NotCommittedException extends RuntimeException {
        NotCommittedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Pending<T, R>(T item, CompletableFuture<R> committed) {
    }

    private final BlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
    private final BatchCommitter<T, R> committer;
    private final int maxBatch;
    private final Duration commitTimeout;
    private final Thread writer;
    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private volatile boolean running = true;

    public GroupCommitWriter(String threadName, int maxBatch, Duration commitTimeout, BatchCommitter<T, R> committer) {
        this.committer = committer;
        this.maxBatch = maxBatch;
        this.commitTimeout = commitTimeout;
        this.writer = new Thread(this::writeLoop, threadName);
        writer.start();
    }

    /** Queues the item and returns its result once its batch is committed. */
    public R submit(T item) {
        return submitAll(List.of(item)).get(0);
    }

    /**
     * Queues the items together, so that they share a commit (unless the batch is full), and returns their results
     * once all are committed.
     *
     * @throws NotCommittedException for the first item not committed; the others may be
     */
    public List<R> submitAll(List<T> items) {
        if (!running) {
            throw new NotCommittedException("the writer is shut down", null);
        }
        List<Pending<T, R>> pending = items.stream().map(item -> new Pending<T, R>(item, new CompletableFuture<>()))
                .toList();
        queue.addAll(pending);
        long deadline = System.nanoTime() + commitTimeout.toNanos();
        List<R> results = new ArrayList<>(pending.size());
        try {
            for (Pending<T, R> p : pending) {
                results.add(p.committed().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotCommittedException("interrupted while waiting for the commit", e);
        } catch (ExecutionException e) {
            throw new NotCommittedException("not committed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new NotCommittedException("not committed within " + commitTimeout, e);
        }
    }

    /** Items waiting for the writer; for metrics and tests. */
    public int queuedCount() {
        return queue.size();
    }

    /** Items committed since start. */
    public long appendedCount() {
        return appended.get();
    }

    /** Transactions committed since start: fewer than items when callers share commits. */
    public long commitCount() {
        return commits.get();
    }

    private void writeLoop() {
        List<Pending<T, R>> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending<T, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                batch.clear();
            }
        }
        queue.forEach(p -> p.committed().completeExceptionally(
                new NotCommittedException("the writer shut down before commit", null)));
    }

    /**
     * Commits the batch; if it fails and holds more than one item, commits each item on its own, so one bad item (a
     * value its column cannot hold, say) fails alone and its neighbours are committed as if it had not been there.
     */
    private void commit(List<Pending<T, R>> batch) {
        try {
            commitTogether(batch);
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).committed().completeExceptionally(e);
                return;
            }
            for (Pending<T, R> pending : batch) {
                try {
                    commitTogether(List.of(pending));
                } catch (RuntimeException alone) {
                    pending.committed().completeExceptionally(alone);
                }
            }
        }
    }

    private void commitTogether(List<Pending<T, R>> batch) {
        List<R> results = committer.commit(batch.stream().map(Pending::item).toList());
        appended.addAndGet(batch.size());
        commits.incrementAndGet();
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).committed().complete(results.get(i));
        }
    }

    /** Lets the writer commit what is queued, then stops it. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        writer.join(10_000);
    }
}
