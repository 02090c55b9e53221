package io.tweetpipe.application.memory;

import io.tweetpipe.application.port.out.RecordStore;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps records in this JVM's memory, the reference every real store is held to. The store itself holds only a key:
 * the copies Spark deserializes on its executors (in local mode, in this JVM) find the same records by it. A partition
 * stored again replaces its earlier copy; a batch becomes visible when committed.
 */
public final class InMemoryRecordStore implements RecordStore {

    private static final Map<String, Shelf> SHELVES = new ConcurrentHashMap<>();

    private final String key = UUID.randomUUID().toString();

    public InMemoryRecordStore() {
        SHELVES.put(key, new Shelf());
    }

    @Override
    public void store(Instant batchTime, int partition, Iterator<TweetRecord> records) {
        List<TweetRecord> all = List.ofAll(() -> records);
        shelf().put(batchTime, partition, all);
    }

    @Override
    public void commit(Instant batchTime) {
        shelf().commit(batchTime);
    }

    /** Every record of the committed batches, by batch time, then partition, then position. */
    public Seq<TweetRecord> stored() {
        return shelf().committed();
    }

    /** Forgets the records, once a test is done with them. */
    public void discard() {
        SHELVES.remove(key);
    }

    private Shelf shelf() {
        Shelf shelf = SHELVES.get(key);
        if (shelf == null) {
            throw new IllegalStateException("this in-memory store was discarded, or lives in another JVM");
        }
        return shelf;
    }

    private static final class Shelf {
        private final TreeMap<Instant, TreeMap<Integer, List<TweetRecord>>> batches = new TreeMap<>();
        private final java.util.Set<Instant> committed = new java.util.HashSet<>();

        synchronized void put(Instant batch, int partition, List<TweetRecord> records) {
            batches.computeIfAbsent(batch, time -> new TreeMap<>()).put(partition, records);
        }

        synchronized void commit(Instant batch) {
            committed.add(batch);
        }

        synchronized Seq<TweetRecord> committed() {
            return List.ofAll(batches.entrySet()).filter(batch -> committed.contains(batch.getKey()))
                    .flatMap(batch -> List.ofAll(batch.getValue().values()).flatMap(records -> records));
        }
    }
}
