package io.tweetpipe.domain.batch;

import io.vavr.collection.Seq;
import java.time.Instant;
import java.util.Objects;

/**
 * Running totals at a batch: the most used hashtags since the start, and how many distinct hashtags and authors the
 * stream holds (exact: every key seen within the idle timeout).
 */
public record Totals(Instant time, Seq<Count> top, long distinctHashtags, long distinctAuthors)
        implements StreamOutput {

    public Totals {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(top, "top");
    }
}
