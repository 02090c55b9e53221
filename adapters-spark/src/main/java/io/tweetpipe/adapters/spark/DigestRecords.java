package io.tweetpipe.adapters.spark;

import io.tweetpipe.adapters.spark.PartitionDigest.CountedKey;
import io.tweetpipe.domain.analysis.KeyTally;
import io.tweetpipe.domain.analysis.KeyRule;
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
 * each counting analysis's keys by its rule, counted where they stand (the rule's position is the key's tag), and,
 * when a query reads the batch, each record as a row of the columns the queries read.
 */
final class DigestRecords implements FlatMapFunction<Iterator<TweetRecord>, PartitionDigest> {

    private final int sampled;
    private final Seq<KeyRule> keyRules;
    private final boolean rowsWanted;
    private final BitSet columnsRead;

    DigestRecords(int sampled, Seq<KeyRule> keyRules, boolean rowsWanted, BitSet columnsRead) {
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
        KeyTally[] counted = new KeyTally[keyRules.size()];
        for (int analysis = 0; analysis < counted.length; analysis++) {
            counted[analysis] = keyRules.get(analysis).tally();
        }
        List<Row> rows = new ArrayList<>();
        while (records.hasNext()) {
            TweetRecord record = records.next();
            count++;
            if (head.size() < sampled) {
                head.add(SampledTweet.of(record));
            }
            for (int analysis = 0; analysis < counted.length; analysis++) {
                counted[analysis].add(record);
            }
            if (rowsWanted) {
                rows.add(TweetRows.row(record, columnsRead));
            }
        }
        Map<CountedKey, Long> counts = new HashMap<>();
        for (int analysis = 0; analysis < counted.length; analysis++) {
            int tag = analysis;
            counted[analysis].counts().forEach((key, times) -> counts.put(new CountedKey(tag, key), times));
        }
        return List.of(new PartitionDigest(new BatchTally(sampled, count, Vector.ofAll(head)), counts, rows))
                .iterator();
    }
}
