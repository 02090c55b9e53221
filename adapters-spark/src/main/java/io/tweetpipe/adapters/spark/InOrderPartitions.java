package io.tweetpipe.adapters.spark;

import java.io.Serializable;
import org.apache.spark.Partition;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.rdd.PartitionCoalescer;
import org.apache.spark.rdd.PartitionGroup;
import org.apache.spark.rdd.RDD;
import scala.Option;

/**
 * A batch's blocks joined into at most {@code partitions} partitions, each a run of consecutive blocks, without a
 * shuffle: a batch of ten blocks read by three jobs made thirty tasks, each costing more to schedule than to run, and
 * each counted its keys apart, so the shuffles carried every word ten times. Consecutive, so that the batch's first
 * records still come first (Spark's own coalescing groups blocks by where they are, in any order).
 */
record InOrderPartitions(int partitions) implements Function<JavaRDD<byte[]>, JavaRDD<byte[]>> {

    InOrderPartitions {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions " + partitions);
        }
    }

    @Override
    public JavaRDD<byte[]> call(JavaRDD<byte[]> blocks) {
        if (blocks.getNumPartitions() <= partitions) {
            return blocks;
        }
        return blocks.rdd().coalesce(partitions, false, Option.apply(new Runs()), null).toJavaRDD();
    }

    /** Runs of consecutive parent partitions, as even as they divide, each where its first block is. */
    static final class Runs implements PartitionCoalescer, Serializable {

        @Override
        public PartitionGroup[] coalesce(int maxPartitions, RDD<?> parent) {
            Partition[] blocks = parent.partitions();
            int groups = Math.min(maxPartitions, blocks.length);
            PartitionGroup[] runs = new PartitionGroup[groups];
            for (int g = 0; g < groups; g++) {
                int from = (int) ((long) blocks.length * g / groups);
                int to = (int) ((long) blocks.length * (g + 1) / groups);
                runs[g] = new PartitionGroup(parent.preferredLocations(blocks[from]).headOption());
                for (int b = from; b < to; b++) {
                    runs[g].partitions().addOne(blocks[b]);
                }
            }
            return runs;
        }
    }
}
