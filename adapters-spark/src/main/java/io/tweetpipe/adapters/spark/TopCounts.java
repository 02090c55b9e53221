package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.batch.Count;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.util.PriorityQueue;

/**
 * The best {@code limit} counts offered, in rank order ({@link Count.RankOrder}): what a partition keeps of a ranking,
 * so that only its top travels to the driver, where {@link #merged} ranks the partitions' tops together.
 */
final class TopCounts {

    private final int limit;
    // Kept in reverse rank order, so that the lowest ranked is the one to drop.
    private final PriorityQueue<Count> best = new PriorityQueue<>(Count.RankOrder.INSTANCE.reversed());

    TopCounts(int limit) {
        this.limit = limit;
    }

    void offer(Count count) {
        best.add(count);
        if (best.size() > limit) {
            best.poll();
        }
    }

    Seq<Count> ranked() {
        return List.ofAll(best).sorted(Count.RankOrder.INSTANCE);
    }

    /** The best {@code limit} of several partitions' tops. */
    static Seq<Count> merged(Seq<Seq<Count>> tops, int limit) {
        return tops.flatMap(top -> top).sorted(Count.RankOrder.INSTANCE).take(limit);
    }
}
