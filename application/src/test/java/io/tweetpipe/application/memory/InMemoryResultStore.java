package io.tweetpipe.application.memory;

import io.tweetpipe.application.contract.StoredResultsContract;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.domain.batch.ClassifierAccuracy;
import io.tweetpipe.domain.batch.ClusterSummary;
import io.tweetpipe.domain.batch.PredictedLanguages;
import io.tweetpipe.domain.batch.QueryRows;
import io.tweetpipe.domain.batch.Ranking;
import io.tweetpipe.domain.batch.StreamOutput;
import io.tweetpipe.domain.batch.Totals;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps each result under its analysis and time, a later one replacing an earlier one: the reference for the sinks
 * that store results. Samples and figures are not stored (every record is, by a record store).
 */
public final class InMemoryResultStore implements BatchSink {

    private final Map<String, StreamOutput> latest = new LinkedHashMap<>();

    @Override
    public synchronized void accept(StreamOutput output) {
        String slot;
        if (output instanceof Ranking ranking) {
            slot = ranking.trending().name();
        } else if (output instanceof Totals) {
            slot = "totals";
        } else if (output instanceof QueryRows rows) {
            slot = "sql " + rows.sql().query();
        } else if (output instanceof ClusterSummary summary) {
            slot = summary.analysis().name();
        } else if (output instanceof ClassifierAccuracy accuracy) {
            slot = accuracy.classifier().name();
        } else if (output instanceof PredictedLanguages predicted) {
            slot = predicted.model().name();
        } else {
            return;
        }
        latest.put(slot + " " + output.time().toEpochMilli(), output);
    }

    /** The stored results as the contract's canonical lines. */
    public synchronized Seq<String> lines() {
        return List.ofAll(latest.values()).flatMap(output -> StoredResultsContract.lines(output, text -> text));
    }
}
