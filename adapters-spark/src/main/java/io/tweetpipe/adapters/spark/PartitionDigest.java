package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.batch.BatchTally;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * What one pass over a partition's records leaves for the sample, the analyses that count keys and the queries. One
 * element per partition, so that a batch's records are decoded once for all of them and are not kept themselves: a
 * digest holds counts and the few columns the queries read, and Spark sizes it by sampling, where records kept for
 * each analysis to read again were serialized, or walked one by one, and cost as much as decoding them again.
 *
 * @param tally  the partition's count and first records, as the sample shows them
 * @param counts each key counted, tagged with the counting analysis it belongs to
 * @param rows   the records as rows of the view, holding only the columns a query reads
 */
record PartitionDigest(BatchTally tally, Map<CountedKey, Long> counts, List<Row> rows) implements Serializable {

    /** A key as one counting analysis counts it: the analyses' counts travel in one shuffle, apart by tag. */
    record CountedKey(int analysis, String key) implements Serializable {

        /** Whether a count is one of the counting analyses tagged {@code from} (inclusive) to {@code to} (exclusive). */
        record Of(int from, int to) implements Function<Tuple2<CountedKey, Long>, Boolean> {
            @Override
            public Boolean call(Tuple2<CountedKey, Long> count) {
                return count._1().analysis() >= from && count._1().analysis() < to;
            }
        }
    }
}
