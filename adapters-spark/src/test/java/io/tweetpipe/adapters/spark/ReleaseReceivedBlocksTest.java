package io.tweetpipe.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.BlockRDD;
import org.apache.spark.storage.BlockId;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.storage.StreamBlockId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;

/** A batch's received blocks are gone once its outputs ran, wherever they sit in its lineage; other batches' stay. */
class ReleaseReceivedBlocksTest {

    private static JavaSparkContext spark;

    @BeforeAll
    static void startSpark() {
        SparkLogging.quietUnlessConfigured();
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("release")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set(SparkSettings.OFF_HEAP, "true").set(SparkSettings.OFF_HEAP_SIZE, "64m"));
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    /** The blocks as a receiver stores them, one chunk each, and the batch Spark makes of them. */
    private static JavaRDD<byte[]> received(int receiver, long... blocks) {
        return received(StorageLevel.MEMORY_AND_DISK_SER(), receiver, blocks);
    }

    private static JavaRDD<byte[]> received(StorageLevel level, int receiver, long... blocks) {
        BlockId[] ids = new BlockId[blocks.length];
        for (int i = 0; i < blocks.length; i++) {
            ids[i] = new StreamBlockId(receiver, blocks[i]);
            byte[] chunk = (receiver + "-" + blocks[i]).getBytes(StandardCharsets.UTF_8);
            SparkEnv.get().blockManager().putIterator(ids[i],
                    CollectionConverters.asScala(List.of(chunk).iterator()), level, true,
                    ClassTag$.MODULE$.apply(byte[].class));
        }
        return new JavaRDD<>(new BlockRDD<>(spark.sc(), ids, ClassTag$.MODULE$.apply(byte[].class)),
                ClassTag$.MODULE$.apply(byte[].class));
    }

    private static List<String> chunks(JavaRDD<byte[]> batch) {
        return batch.collect().stream().map(chunk -> new String(chunk, StandardCharsets.UTF_8)).toList();
    }

    private static boolean stored(BlockId id) throws InterruptedException {
        // The master tells the block managers to remove a block without waiting for them: wait for it, a while.
        for (int attempt = 0; attempt < 100 && SparkEnv.get().blockManager().getStatus(id).isDefined(); attempt++) {
            Thread.sleep(50);
        }
        return SparkEnv.get().blockManager().getStatus(id).isDefined();
    }

    @Test
    void givenTwoReceiversBatchJoined_call_removesEveryBlockAndTheBatchRefusesToBeReadAgain() throws Exception {
        JavaRDD<byte[]> batch = received(0, 1, 2).union(received(1, 1)).coalesce(2);
        JavaRDD<byte[]> nextBatch = received(0, 3);
        assertEquals(List.of("0-1", "0-2", "1-1"), chunks(batch), "read while the batch runs");

        SparkFunctionsSerializationTest.roundTrip(new ReleaseReceivedBlocks()).call(batch);

        assertFalse(stored(new StreamBlockId(0, 1)));
        assertFalse(stored(new StreamBlockId(0, 2)));
        assertFalse(stored(new StreamBlockId(1, 1)));
        assertThrows(Exception.class, () -> chunks(batch), "a released batch is never read as empty");
        assertTrue(stored(new StreamBlockId(0, 3)), "another batch's block stays");
        assertEquals(List.of("0-3"), chunks(nextBatch));
    }

    @Test
    void givenBlocksStoredOffTheHeap_call_freesTheirMemory() throws Exception {
        JavaRDD<byte[]> batch = received(StorageLevel.OFF_HEAP(), 2, 1, 2);
        assertEquals(List.of("2-1", "2-2"), chunks(batch));
        assertTrue(SparkEnv.get().memoryManager().offHeapStorageMemoryUsed() > 0, "stored off the heap");

        new ReleaseReceivedBlocks().call(batch);

        assertFalse(stored(new StreamBlockId(2, 1)));
        assertFalse(stored(new StreamBlockId(2, 2)));
        assertEquals(0, SparkEnv.get().memoryManager().offHeapStorageMemoryUsed());
    }

    @Test
    void givenABatchWithoutReceivedBlocks_call_leavesItAlone() throws Exception {
        JavaRDD<byte[]> batch = spark.parallelize(List.of("kafka".getBytes(StandardCharsets.UTF_8)), 1);

        new ReleaseReceivedBlocks().call(batch);

        assertEquals(List.of("kafka"), chunks(batch));
    }
}
