package io.tweetpipe.adapters.spark;

import io.tweetpipe.adapters.spark.PartitionDigest.CountedKey;
import io.tweetpipe.domain.batch.BatchTally;
import io.tweetpipe.domain.tweet.SampledTweet;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/**
 * A partition's records to their digest, in one pass: their tally with its first records as the sample shows them,
 * each counting analysis's keys by its rule (the rule's position is the key's tag), and, when a query reads the
 * batch, each record as a row of the columns the queries read.
 */
final class DigestRecords implements FlatMapFunction<Iterator<TweetRecord>, PartitionDigest> {

    private final int sampled;
    private final Seq<FlatMapFunction<TweetRecord, String>> keyRules;
    private final boolean rowsWanted;
    private final BitSet columnsRead;

    DigestRecords(int sampled, Seq<FlatMapFunction<TweetRecord, String>> keyRules, boolean rowsWanted,
            BitSet columnsRead) {
        BatchTally.empty(sampled);  // refuses a negative limit here, on the driver, rather than in a task
        this.sampled = sampled;
        this.keyRules = Objects.requireNonNull(keyRules, "keyRules");
        this.rowsWanted = rowsWanted;
        this.columnsRead = (BitSet) columnsRead.clone();
    }

    @Override
    public Iterator<PartitionDigest> call(Iterator<TweetRecord> records) throws Exception {
        long count = 0;
        List<SampledTweet> head = new ArrayList<>();
        Map<CountedKey, Long> counts = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        while (records.hasNext()) {
            TweetRecord record = records.next();
            count++;
            if (head.size() < sampled) {
                head.add(SampledTweet.of(record));
            }
            for (int analysis = 0; analysis < keyRules.size(); analysis++) {
                for (Iterator<String> keys = keyRules.get(analysis).call(record); keys.hasNext(); ) {
                    counts.merge(new CountedKey(analysis, keys.next()), 1L, Long::sum);
                }
            }
            if (rowsWanted) {
                rows.add(TweetRows.row(record, columnsRead));
            }
        }
        return List.of(new PartitionDigest(new BatchTally(sampled, count, Vector.ofAll(head)), counts, rows))
                .iterator();
    }
}
