package io.tweetpipe.domain.batch;

import io.tweetpipe.domain.analysis.Analysis;
import io.vavr.collection.Seq;
import java.time.Instant;
import java.util.Objects;

/**
 * A SQL query's result for one batch or window: its columns and its first rows, each value as text ({@code null} for
 * SQL's NULL), as {@code Dataset.show()} shows them.
 *
 * @param more whether the result had more rows than these
 */
public record QueryRows(Instant time, Analysis.Sql sql, Seq<String> columns, Seq<Seq<String>> rows, boolean more)
        implements StreamOutput {

    /** How many rows {@code Dataset.show()} shows. */
    public static final int SHOWN = 20;

    public QueryRows {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(rows, "rows");
    }
}
