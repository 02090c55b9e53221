package io.tweetpipe.adapters.spark;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.Dependency;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.VoidFunction;
import org.apache.spark.rdd.BlockRDD;
import org.apache.spark.rdd.RDD;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Removes a batch's received blocks once its last output operation ran. Spark keeps an input's blocks as long as the
 * longest window downstream remembers its batches (a minute for a minute's trends), though every window here reads
 * what it keeps of a batch (counts, rows), never the batch again: kept, a minute of tweets filled the heap and spilled
 * to disk. This is what Spark does itself when it forgets a batch, only as soon as the batch is done; a batch read
 * after it fails loudly (Spark refuses a removed block RDD), never silently. A Kafka batch holds no blocks.
 */
final class ReleaseReceivedBlocks implements VoidFunction<JavaRDD<byte[]>> {

    @Override
    public void call(JavaRDD<byte[]> batch) {
        Deque<RDD<?>> lineage = new ArrayDeque<>();
        Set<Integer> seen = new HashSet<>();
        lineage.push(batch.rdd());
        while (!lineage.isEmpty()) {
            RDD<?> rdd = lineage.pop();
            if (!seen.add(rdd.id())) {
                continue;
            }
            if (rdd instanceof BlockRDD<?> received) {
                received.removeBlocks();
            }
            for (Dependency<?> dependency : CollectionConverters.asJava(rdd.dependencies())) {
                lineage.push(dependency.rdd());
            }
        }
    }
}
