package io.tweetpipe.bootstrap.storing;

import io.tweetpipe.application.port.out.RecordStore;
import io.tweetpipe.domain.tweet.TweetRecord;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;

/**
 * A record store that stores nothing and notes where and how often it was called: whether each partition was handed
 * to it inside a Spark task (on an executor), and how many times each batch's partitions came. Placed after the real
 * stores, it can hold the first batch with records in its commit, as a driver that dies mid-batch, once the real
 * stores have written the batch. Its notes live in this JVM's statics, found by key, so the copies Spark deserializes
 * (from the closure, from the checkpoint) share them.
 */
final class ExecutorProbe implements RecordStore {

    private static final Map<String, Notes> NOTES = new ConcurrentHashMap<>();

    static final class Notes {
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final AtomicInteger outsideTasks = new AtomicInteger();
        final Map<Instant, AtomicInteger> partitionsStored = new ConcurrentHashMap<>();
        final Map<Instant, Boolean> withRecords = new ConcurrentHashMap<>();
        final AtomicBoolean holding = new AtomicBoolean(true);
        final java.util.concurrent.CompletableFuture<Instant> held = new java.util.concurrent.CompletableFuture<>();
        final CountDownLatch release = new CountDownLatch(1);
    }

    private final String key = UUID.randomUUID().toString();

    ExecutorProbe() {
        NOTES.put(key, new Notes());
    }

    Notes notes() {
        return NOTES.get(key);
    }

    @Override
    public void store(Instant batchTime, int partition, Iterator<TweetRecord> records) {
        Notes notes = notes();
        if (TaskContext.get() == null) {
            notes.outsideTasks.incrementAndGet();
        }
        notes.threads.add(Thread.currentThread().getName().replaceAll("[0-9]+", "N"));
        notes.partitionsStored.computeIfAbsent(batchTime, time -> new AtomicInteger()).incrementAndGet();
        if (records.hasNext()) {
            notes.withRecords.put(batchTime, true);
        }
        records.forEachRemaining(record -> { });
    }

    @Override
    public void commit(Instant batchTime) {
        Notes notes = notes();
        if (notes.withRecords.containsKey(batchTime) && notes.holding.compareAndSet(true, false)) {
            notes.held.complete(batchTime);
            try {
                notes.release.await(2, TimeUnit.MINUTES);  // Spark's stop does not interrupt a job thread
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
