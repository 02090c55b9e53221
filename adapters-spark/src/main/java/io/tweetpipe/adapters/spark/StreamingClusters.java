package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.batch.ClusterSummary;
import io.tweetpipe.domain.features.TermHashing;
import io.tweetpipe.domain.features.TopicFeatures;
import io.tweetpipe.domain.learning.ClusterCentres;
import io.tweetpipe.domain.learning.ClusterTally;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.Array;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.mllib.clustering.KMeans;
import org.apache.spark.mllib.clustering.KMeansModel;
import org.apache.spark.mllib.clustering.StreamingKMeans;
import org.apache.spark.mllib.clustering.StreamingKMeansModel;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.streaming.Time;

/**
 * Streaming k-means, batch after batch, on the driver: MLlib's {@link StreamingKMeansModel#update} moves the centres
 * towards the batch's tweets (older batches decayed by the half-life, a dying cluster replaced by a split of the
 * largest), then one job places each tweet by the moved centres and counts what each cluster got, and the summary
 * goes to the sinks.
 *
 * <p>The first centres are k-means (k-means||, the analysis's seed) over a sample of the first batch whose tweets have
 * enough distinct term vectors: MLlib's random centres, Gaussian in thousands of dimensions, are far from every
 * tweet's unit vector, and would take many batches to find them. The model between batches is a domain value,
 * {@link ClusterCentres}, never changed in place: {@code update} runs on a copy, so a checkpoint written while a batch
 * runs holds a whole state.
 */
final class StreamingClusters implements VoidFunction2<JavaRDD<TweetRecord>, Time> {

    /** Tweets of the first batch the first centres are chosen from: enough for k-means||, few for the driver. */
    static final int FIRST_SAMPLE = 2_000;

    private final Analysis.Clusters clusters;
    private final double decayFactor;
    private final String sinkKey;
    private volatile ClusterCentres centres;

    StreamingClusters(Analysis.Clusters clusters, double halfLifeBatches, String sinkKey) {
        this.clusters = Objects.requireNonNull(clusters, "clusters");
        // MLlib's own conversion: the factor by which a batch's weight shrinks each batch after it.
        this.decayFactor = new StreamingKMeans().setHalfLife(halfLifeBatches, StreamingKMeans.BATCHES())
                .decayFactor();
        this.sinkKey = Objects.requireNonNull(sinkKey, "sinkKey");
        this.centres = ClusterCentres.none(new TermHashing(clusters.dimension()));
    }

    double decayFactor() {
        return decayFactor;
    }

    @Override
    public void call(JavaRDD<TweetRecord> records, Time time) {
        JavaRDD<Vector> points = records.map(new TopicPoint(clusters)).filter(new HasTerms());
        ClusterCentres before = centres;
        StreamingKMeansModel model;
        if (before.isEmpty()) {
            KMeansModel first = firstCentres(points);
            if (first == null) {
                publish(new ClusterSummary(instant(time), clusters, Array.empty(), records.count()));
                return;
            }
            // update adds into its centres in place, which MLlib allows only for dense vectors
            model = new StreamingKMeansModel(Array.of(first.clusterCenters()).map(c -> Vectors.dense(c.toArray()))
                    .toJavaArray(Vector[]::new), new double[clusters.k()]);
        } else {
            Vector[] copies = new Vector[before.size()];
            double[] weights = new double[before.size()];
            for (int i = 0; i < copies.length; i++) {
                copies[i] = Vectors.dense(before.centre(i));
                weights[i] = before.weight(i);
            }
            model = new StreamingKMeansModel(copies, weights);
        }
        model.update(points.map(new Densified()).rdd(), decayFactor, StreamingKMeans.BATCHES());
        ClusterTally tally = Array.ofAll(records.mapPartitions(new PlaceInClusters(clusters, model)).collect())
                .foldLeft(new ClusterTally(clusters.k()), ClusterTally::merge);
        double[][] moved = new double[clusters.k()][];
        for (int i = 0; i < moved.length; i++) {
            moved[i] = model.clusterCenters()[i].toArray();
        }
        ClusterCentres after = before.next(moved, model.clusterWeights(), tally.words());
        centres = after;
        publish(new ClusterSummary(instant(time), clusters, Array.range(0, after.size())
                .map(i -> new ClusterSummary.Cluster(after.id(i), tally.size(i), after.weight(i),
                        after.topTerms(i, clusters.topTerms()), tally.languages(i)))
                .sortBy(ClusterSummary.Cluster::id), tally.withoutTerms()));
    }

    /** k-means over a sample of the batch's points, or null when it has fewer than k distinct ones. */
    private KMeansModel firstCentres(JavaRDD<Vector> points) {
        List<Vector> sample = points.takeSample(false, FIRST_SAMPLE, clusters.seed());
        if (new HashSet<>(sample).size() < clusters.k()) {
            return null;
        }
        JavaRDD<Vector> sampled = JavaSparkContext.fromSparkContext(points.context()).parallelize(sample).cache();
        try {
            KMeansModel model = new KMeans().setK(clusters.k()).setSeed(clusters.seed()).setMaxIterations(20)
                    .run(sampled.rdd());
            return model.k() < clusters.k() ? null : model;
        } finally {
            sampled.unpersist(false);
        }
    }

    private void publish(ClusterSummary summary) {
        OrderedSink.registered(sinkKey).forEach(sink -> sink.result(summary));
    }

    private static Instant instant(Time time) {
        return Instant.ofEpochMilli(time.milliseconds());
    }

    /** A tweet's topic terms as an MLlib vector: hashed, log-scaled, of length 1 (or empty). */
    static final class TopicPoint implements Function<TweetRecord, Vector> {
        private final Analysis.Clusters clusters;

        TopicPoint(Analysis.Clusters clusters) {
            this.clusters = clusters;
        }

        @Override
        public Vector call(TweetRecord record) {
            return MllibVectors.of(TopicFeatures.vector(new TermHashing(clusters.dimension()), record));
        }
    }

    /** A tweet with no terms has no topic, and no place among the centres. */
    static final class HasTerms implements Function<Vector, Boolean> {
        @Override
        public Boolean call(Vector point) {
            return point.numNonzeros() > 0;
        }
    }

    /**
     * A point as Spark 4's {@code update} needs it (4.1 and 4.2 alike): it sums each cluster's points into the first
     * one it meets, in place, which only a dense vector allows (a sparse one fails the batch). The copy is made just
     * before the sum and dropped after it; nothing else sees it.
     */
    static final class Densified implements Function<Vector, Vector> {
        @Override
        public Vector call(Vector point) {
            return Vectors.dense(point.toArray());
        }
    }

    /** One partition's tweets placed by the moved centres, and counted. */
    static final class PlaceInClusters implements FlatMapFunction<Iterator<TweetRecord>, ClusterTally> {
        private final Analysis.Clusters clusters;
        private final KMeansModel model;

        PlaceInClusters(Analysis.Clusters clusters, KMeansModel model) {
            this.clusters = clusters;
            this.model = model;
        }

        @Override
        public Iterator<ClusterTally> call(Iterator<TweetRecord> records) {
            TermHashing hashing = new TermHashing(clusters.dimension());
            ClusterTally tally = new ClusterTally(clusters.k());
            while (records.hasNext()) {
                TweetRecord record = records.next();
                io.tweetpipe.domain.features.FeatureVector features = TopicFeatures.vector(hashing, record);
                if (features.isEmpty()) {
                    tally.addWithoutTerms();
                } else {
                    tally.add(model.predict(MllibVectors.of(features)), record.lang(), TopicFeatures.terms(record));
                }
            }
            return List.of(tally).iterator();
        }
    }
}
