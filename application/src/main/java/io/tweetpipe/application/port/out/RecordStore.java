package io.tweetpipe.application.port.out;

import io.tweetpipe.domain.tweet.TweetRecord;
import java.io.Serializable;
import java.time.Instant;
import java.util.Iterator;

/**
 * Keeps every record of the stream: files, a database. The engine calls it where it holds the records (on Spark, in
 * each executor, one partition at a time), so it is serializable and opens what it writes to lazily, once per JVM,
 * never in its constructor. A batch can run again (after a restart from a checkpoint), so storing is idempotent per
 * batch: storing a batch twice leaves what storing it once left.
 */
public interface RecordStore extends Serializable {

    /**
     * Stores one partition of the batch of {@code batchTime}. Throws when it cannot, which fails the batch: the engine
     * retries it by its own rules.
     */
    void store(Instant batchTime, int partition, Iterator<TweetRecord> records);

    /** Called once every partition of the batch was stored, on the driver: make the batch visible to readers. */
    default void commit(Instant batchTime) {
    }
}
