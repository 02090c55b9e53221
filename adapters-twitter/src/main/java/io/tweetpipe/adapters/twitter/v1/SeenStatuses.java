package io.tweetpipe.adapters.twitter.v1;

import io.tweetpipe.domain.tweet.StreamMessage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which statuses a source has already let through or seen deleted, so that a status is handed on at most once and
 * never after its delete notice. Twitter's streaming documentation warns that a stream may repeat a message (around a
 * reconnection, say), and a delete notice can overtake the status it deletes. Both sources use this, so a recording
 * replays to what the live run handed on. Remembers the most recent ids only, a bounded number of them. Not
 * thread-safe.
 */
public final class SeenStatuses {

    /** What to do with a message. */
    public enum Verdict { HAND_ON, DUPLICATE, DELETED }

    public static final int DEFAULT_CAPACITY = 100_000;

    private final Map<Long, Boolean> seen;
    private final Map<Long, Boolean> deleted;

    public SeenStatuses() {
        this(DEFAULT_CAPACITY);
    }

    public SeenStatuses(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.seen = bounded(capacity);
        this.deleted = bounded(capacity);
    }

    /** Judges a message and remembers what it says: a status as seen, a deletion's id as deleted. */
    public Verdict admit(StreamMessage message) {
        if (message instanceof StreamMessage.Deletion deletion) {
            deleted.put(deletion.id().value(), Boolean.TRUE);
            return Verdict.HAND_ON;
        }
        if (message instanceof StreamMessage.Status status) {
            long id = status.tweet().id().value();
            if (deleted.containsKey(id)) {
                return Verdict.DELETED;
            }
            return seen.put(id, Boolean.TRUE) == null ? Verdict.HAND_ON : Verdict.DUPLICATE;
        }
        return Verdict.HAND_ON;
    }

    private static Map<Long, Boolean> bounded(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }
}
