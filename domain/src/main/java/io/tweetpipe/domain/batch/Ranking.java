package io.tweetpipe.domain.batch;

import io.tweetpipe.domain.analysis.Analysis;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * The top keys of one window, in rank order.
 *
 * @param time when the window ends
 * @param before each key's count in the previous window's ranking, for the change since the last slide; empty for the
 *     first window, and as an engine reports it (the stream service fills it in)
 */
public record Ranking(Instant time, Analysis.Trending trending, Seq<Count> top, Map<String, Long> before)
        implements StreamOutput {

    public Ranking {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(trending, "trending");
        Objects.requireNonNull(top, "top");
        Objects.requireNonNull(before, "before");
    }

    public Ranking(Instant time, Analysis.Trending trending, Seq<Count> top) {
        this(time, trending, top, HashMap.empty());
    }

    /** This ranking, with the previous window's counts to compare against. */
    public Ranking after(Ranking previous) {
        return new Ranking(time, trending, top, HashMap.ofEntries(previous.top.map(c -> io.vavr.Tuple.of(c.key(),
                c.count()))));
    }

    /** The change in count since the previous ranking, or none when the key was not in it. */
    public Option<Long> change(Count count) {
        return before.get(count.key()).map(was -> count.count() - was);
    }
}
