package io.tweetpipe.domain.batch;

import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * One micro-batch of records.
 *
 * @param time the batch time, as Spark names batches
 * @param count how many records the batch holds
 * @param head its first records, as many as the sink asked for (see {@link BatchTally}); all of them when the
 *     sink asked for everything
 * @param languages the language of each of those records, in the same order, where the wire carries one (the
 *     structured wire); none on the text wire
 */
public record Batch(Instant time, long count, Seq<String> head, Seq<Option<String>> languages)
        implements StreamOutput {

    /** How many records {@code DStream.print()} shows. */
    public static final int PRINTED = 10;

    public Batch {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(languages, "languages");
        if (count < head.size()) {
            throw new IllegalArgumentException("a batch of " + count + " records cannot show " + head.size());
        }
        if (languages.size() != head.size()) {
            throw new IllegalArgumentException(head.size() + " records with " + languages.size() + " languages");
        }
    }

    /** A batch of records whose language is not known (the text wire). */
    public Batch(Instant time, long count, Seq<String> head) {
        this(time, count, head, head.map(record -> Option.none()));
    }

    /** What {@code print()} shows: the first ten records. */
    public Seq<String> printed() {
        return head.take(PRINTED);
    }

    /** {@code print()} writes "..." when there is more than it shows. */
    public boolean hasMoreThanPrinted() {
        return count > PRINTED;
    }
}
