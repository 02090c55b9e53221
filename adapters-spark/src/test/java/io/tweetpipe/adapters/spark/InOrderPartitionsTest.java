package io.tweetpipe.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.NarrowDependency;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A batch's blocks joined in runs of consecutive blocks: the batch's order survives, and no shuffle is made. */
class InOrderPartitionsTest {

    private static JavaSparkContext spark;

    @BeforeAll
    static void startSpark() {
        SparkLogging.quietUnlessConfigured();
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("in-order")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    /** Ten blocks, block b holding the one chunk "b". */
    private static JavaRDD<byte[]> tenBlocks() {
        return spark.parallelize(IntStream.range(0, 10).mapToObj(b -> Integer.toString(b)
                .getBytes(StandardCharsets.UTF_8)).toList(), 10);
    }

    private static List<List<String>> partitions(JavaRDD<byte[]> rdd) {
        return rdd.glom().collect().stream().map(chunks -> chunks.stream()
                .map(chunk -> new String(chunk, StandardCharsets.UTF_8)).toList()).toList();
    }

    @Test
    void givenTenBlocks_call_joinsThemInThreeRunsInOrder() throws Exception {
        JavaRDD<byte[]> joined = SparkFunctionsSerializationTest.roundTrip(new InOrderPartitions(3)).call(tenBlocks());

        assertEquals(List.of(List.of("0", "1", "2"), List.of("3", "4", "5"), List.of("6", "7", "8", "9")),
                partitions(joined));
        assertTrue(joined.rdd().dependencies().forall(dependency -> dependency instanceof NarrowDependency<?>),
                "no shuffle");
    }

    @Test
    void givenNoMoreBlocksThanPartitions_call_leavesThemAlone() {
        JavaRDD<byte[]> blocks = tenBlocks();

        assertSame(blocks, new InOrderPartitions(10).call(blocks));
    }
}
