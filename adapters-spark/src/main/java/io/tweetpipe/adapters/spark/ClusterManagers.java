package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.Rejection;
import io.vavr.collection.Stream;
import io.vavr.control.Option;
import java.util.ServiceLoader;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.ExternalClusterManager;

/**
 * Whether Spark can run on the cluster a master names. Spark builds in local, {@code spark://} and
 * {@code local-cluster} masters; any other ({@code yarn}, {@code k8s://}) needs that cluster manager's module on the
 * class path, which spark-submit adds on such a cluster and tweetpipe's build does not ship. Without it Spark fails
 * inside its context's constructor and logs a stack trace, so the engine asks here first and says it in one line.
 */
final class ClusterManagers {

    private ClusterManagers() {
    }

    static Option<Rejection> missingFor(SparkSettings settings) {
        String master = settings.master();
        if (settings.isLocal() || master.startsWith("spark://") || master.startsWith("local-cluster[")) {
            return Option.none();
        }
        ClassLoader loader = Option.of(Thread.currentThread().getContextClassLoader())
                .getOrElse(SparkContext.class::getClassLoader);
        boolean found = Stream.ofAll(ServiceLoader.load(ExternalClusterManager.class, loader))
                .exists(manager -> manager.canCreate(master));
        return found ? Option.none() : Option.some(Rejection.of("master", "Spark has no cluster manager for '"
                + master + "' in this process: run the stream with spark-submit on that cluster, which adds it"));
    }
}
