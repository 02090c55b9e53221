package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.features.FeatureVector;

/** The domain's sparse vectors as Spark's: MLlib's (RDD-based) and ML's (DataFrame-based). */
final class MllibVectors {

    private MllibVectors() {
    }

    static org.apache.spark.mllib.linalg.Vector of(FeatureVector features) {
        return org.apache.spark.mllib.linalg.Vectors.sparse(features.dimension(), features.indices(),
                features.values());
    }

    static org.apache.spark.ml.linalg.Vector ml(FeatureVector features) {
        return org.apache.spark.ml.linalg.Vectors.sparse(features.dimension(), features.indices(), features.values());
    }
}
