package io.tweetpipe.domain.batch;

import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.learning.Contingency;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import java.time.Instant;
import java.util.Objects;

/**
 * Streaming k-means after a batch: every cluster, by number, and what the batch put in it. Before the first batch
 * with enough distinct tweets there are no centres yet, and no clusters.
 *
 * @param clusters each cluster, in number order
 * @param unclustered tweets of the batch in no cluster: with no terms to place them by, or before the first centres
 */
public record ClusterSummary(Instant time, Analysis.Clusters analysis, Seq<Cluster> clusters, long unclustered)
        implements StreamOutput {

    /**
     * @param id the cluster's number, kept from batch to batch
     * @param size the batch's tweets nearest this cluster's centre
     * @param weight how many tweets the centre stands for, older batches decayed by the half-life
     * @param topTerms the words of the centre's heaviest buckets, heaviest first
     * @param languages the languages of the batch's tweets in it, where the wire gave one
     */
    public record Cluster(int id, long size, double weight, Seq<String> topTerms, Map<String, Long> languages) {
        public Cluster {
            Objects.requireNonNull(topTerms, "topTerms");
            Objects.requireNonNull(languages, "languages");
        }
    }

    public ClusterSummary {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(clusters, "clusters");
    }

    /** The batch's languages by cluster, to measure how far the clusters follow language. */
    public Contingency languages() {
        Contingency table = Contingency.EMPTY;
        for (Cluster cluster : clusters) {
            for (var language : cluster.languages()) {
                table = table.plus(cluster.id(), language._1(), language._2());
            }
        }
        return table;
    }
}
