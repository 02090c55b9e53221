package io.tweetpipe.domain.batch;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;

/** How many times a key was seen. */
public record Count(String key, long count) implements Serializable {

    public Count {
        Objects.requireNonNull(key, "key");
    }

    /** Rank order: the larger count first, and between equal counts the key first in Unicode order, so ties are stable. */
    public enum RankOrder implements Comparator<Count>, Serializable {
        INSTANCE;

        @Override
        public int compare(Count a, Count b) {
            int byCount = Long.compare(b.count, a.count);
            return byCount != 0 ? byCount : a.key.compareTo(b.key);
        }
    }
}
