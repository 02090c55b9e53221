package io.tweetpipe.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.application.port.out.StreamEngine;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.Subject;
import io.tweetpipe.domain.analysis.Window;
import io.tweetpipe.domain.analysis.StreamJob;
import io.tweetpipe.domain.batch.BatchTally;
import io.tweetpipe.domain.framing.FrameCap;
import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Duration;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.StreamingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SparkSettingsTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private static SparkSettings.Builder reading(String master) {
        return SparkSettings.builder(master, SECOND).relay("127.0.0.1", 5555);
    }

    private static SparkSettings seed() {
        return reading("local[2]").build();
    }

    /** The one problem with these settings: there must be exactly one. */
    private static Rejection problem(SparkSettings.Builder settings) {
        Seq<Rejection> problems = settings.validate().getError();
        assertEquals(1, problems.size(), problems::toString);
        return problems.head();
    }

    @Test
    void builder_givesTheAdaptersOwnDefaults() {
        SparkSettings defaults = seed();

        assertEquals(FrameCap.DEFAULT, defaults.maxFrameBytes());
        assertEquals("tweetpipe", defaults.appName());
        assertEquals(Option.some(4040), defaults.uiPort());
        assertEquals(Option.none(), defaults.checkpoint());
        assertTrue(defaults.sparkConf().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local[2]", "local[8]", "local[*]", "local[4, 3]", "spark://127.0.0.1:7077", "yarn",
            "k8s://https://127.0.0.1:6443", "local-cluster[2,1,1024]"})
    void givenAMasterSparkRuns_validate_acceptsIt(String master) {
        assertEquals(master, reading(master).validate().get().master());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "local[1]", "local[0]"})
    void givenALocalMasterWithOneThread_validate_refusesItBecauseTheReceiverTakesIt(String master) {
        Rejection rejection = problem(reading(master));

        assertEquals("master", rejection.subject());
        assertTrue(rejection.reason().contains("local[2]"), rejection::reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "lokal[2]", "spark:/oops", "mesos://x"})
    void givenNoMasterURL_validate_refusesIt(String master) {
        assertEquals("master", problem(reading(master)).subject());
    }

    @Test
    void givenOtherWrongValues_validate_namesWhatIsWrong() {
        assertEquals("batch interval", problem(SparkSettings.builder("local[2]", Duration.ZERO).relay("h", 1))
                .subject());
        assertEquals("batch interval", problem(SparkSettings.builder("local[2]", Duration.ofNanos(1_500_000))
                .relay("h", 1)).subject());
        assertEquals("host", problem(SparkSettings.builder("local[2]", SECOND).relay(" ", 1)).subject());
        assertEquals("port", problem(SparkSettings.builder("local[2]", SECOND).relay("h", 0)).subject());
        assertEquals("port", problem(SparkSettings.builder("local[2]", SECOND).relay("h", 65_536)).subject());
        assertEquals("max frame bytes", problem(reading("local[2]").maxFrameBytes(0)).subject());
        assertEquals("max frame bytes", problem(reading("local[2]").maxFrameBytes(FrameCap.LARGEST + 1)).subject());
        assertEquals("ui port", problem(reading("local[2]").ui(Option.some(-1))).subject());
        assertEquals("spark setting", problem(reading("local[2]").sparkConf("ui.port", "1")).subject());
        assertThrows(IllegalArgumentException.class, () -> reading("local[1]").build());
    }

    @Test
    void givenSeveralWrongValues_validate_reportsEveryOne() {
        Validation<Seq<Rejection>, SparkSettings> settings = SparkSettings.builder("lokal", Duration.ZERO)
                .relay("h", 0).maxFrameBytes(0).checkpoint(" ").maxRate(0).validate();

        assertEquals(List.of("master", "batch interval", "checkpoint", "max frame bytes", "max rate", "port"),
                settings.getError().map(Rejection::subject));
    }

    @Test
    void givenAMaxRateAndBackpressure_builder_keepsThemUnderSparksNames() {
        SparkSettings settings = reading("local[2]").maxRate(50_000).backpressure(true).build();

        assertEquals(Option.some(50_000L), settings.maxRate());
        assertTrue(settings.backpressure());
        assertEquals(Option.none(), seed().maxRate());
        assertFalse(seed().backpressure());
        SparkConf conf = new SparkStreamEngine(settings, name -> null).sparkConf();
        assertEquals("50000", conf.get("spark.streaming.receiver.maxRate"));
        assertEquals("true", conf.get("spark.streaming.backpressure.enabled"));
    }

    @Test
    void givenNoFloorAsked_sparkConf_givesASamplingJobBackpressuresWarmUpFloorAndAUsersFloorWins() {
        StreamJob sampling = StreamJob.sampling(10);
        StreamJob trending = new StreamJob(sampling.preprocessing(), io.vavr.collection.List.of(
                new Analysis.Sample(10), new Analysis.Trending(Subject.WORDS,
                        Window.of(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(1),
                                java.time.Duration.ofSeconds(1)).get(), 3)));
        SparkConf defaults = new SparkStreamEngine(reading("local[2]").build(), name -> null).sparkConf(sampling);
        SparkConf analysing = new SparkStreamEngine(reading("local[2]").build(), name -> null).sparkConf(trending);
        SparkConf asked = new SparkStreamEngine(reading("local[2]")
                .sparkConf("spark.streaming.backpressure.pid.minRate", "1000").build(), name -> null)
                .sparkConf(sampling);

        assertEquals("500000", defaults.get("spark.streaming.backpressure.pid.minRate"));
        assertFalse(analysing.contains("spark.streaming.backpressure.pid.minRate"),
                "an analysing job, slower than the floor, keeps Spark's own");
        assertEquals("1000", asked.get("spark.streaming.backpressure.pid.minRate"));
        assertFalse(defaults.contains("spark.streaming.backpressure.initialRate"), "no limit before the first estimate");
    }

    @Test
    void givenLocalThreads_sparkConf_sizesABatchsQueryToTheCoresReceiversLeaveAndAUsersSettingWins() {
        SparkConf defaults = new SparkStreamEngine(reading("local[2]").build(), name -> null).sparkConf();
        SparkConf asked = new SparkStreamEngine(reading("local[2]").sparkConf("spark.sql.adaptive.enabled", "true")
                .build(), name -> null).sparkConf();
        SparkConf fourCores = new SparkStreamEngine(reading("local[4]").build(), name -> null).sparkConf();
        SparkConf twoRelays = new SparkStreamEngine(reading("local[4]").relay("127.0.0.1", 5556).build(),
                name -> null).sparkConf();

        assertEquals("1", defaults.get("spark.sql.shuffle.partitions"), "local[2], one core the receiver's");
        assertEquals("1", defaults.get("spark.sql.limit.initialNumPartitions"), "a query's first rows in one job");
        assertEquals("3", fourCores.get("spark.sql.shuffle.partitions"));
        assertEquals("2", twoRelays.get("spark.sql.shuffle.partitions"));
        assertEquals("false", defaults.get("spark.sql.adaptive.enabled"));
        assertEquals("true", asked.get("spark.sql.adaptive.enabled"));
    }

    @Test
    void givenACheckpointDirectory_builder_turnsTheReceiversWriteAheadLogOn() {
        SparkSettings settings = reading("spark://127.0.0.1:7077").checkpoint(" /tmp/cp ").build();

        assertEquals(Option.some("/tmp/cp"), settings.checkpoint());
        assertEquals("true", new SparkStreamEngine(settings, name -> null).sparkConf()
                .get("spark.streaming.receiver.writeAheadLog.enable"));
        assertEquals(StorageLevel.MEMORY_AND_DISK_SER(), storageLevel(settings), "the log is the second copy");
        assertEquals(Option.none(), seed().checkpoint());
        assertEquals("checkpoint", problem(reading("local[2]").checkpoint(" ")).subject());
    }

    private static final List<SparkSettings.Relay> TWO_RELAYS = List.of(
            new SparkSettings.Relay("127.0.0.1", 5555), new SparkSettings.Relay("127.0.0.1", 5556));

    @Test
    void givenTwoRelays_validate_wantsMoreLocalThreadsThanReceivers() {
        Rejection rejection = problem(SparkSettings.builder("local[2]", SECOND).relays(TWO_RELAYS));

        assertEquals("master", rejection.subject());
        assertTrue(rejection.reason().contains("local[3]"), rejection::reason);
        SparkSettings three = SparkSettings.builder("local[3]", SECOND).relays(TWO_RELAYS).build();
        assertEquals(TWO_RELAYS, three.relays());
        assertEquals("127.0.0.1", three.host());
        assertEquals(5555, three.port());
        assertTrue(SparkSettings.builder("spark://127.0.0.1:7077", SECOND).relays(TWO_RELAYS).validate().isValid(),
                "a cluster's cores are its workers' business");
    }

    @Test
    void givenNoRelayOrOneTwice_validate_refuses() {
        assertEquals("relays", problem(SparkSettings.builder("local[4]", SECOND)).subject());
        assertEquals("relays", problem(SparkSettings.builder("local[4]", SECOND)
                .relays(TWO_RELAYS.append(TWO_RELAYS.head()))).subject());
        assertEquals("port", problem(SparkSettings.builder("local[4]", SECOND).relay("h", 0)).subject());
    }

    @Test
    void givenAWrongRate_validate_namesIt() {
        assertEquals("max rate", problem(reading("local[2]").maxRate(0)).subject());
        assertEquals("max rate", problem(reading("local[2]").sparkConf("spark.streaming.receiver.maxRate", "fast"))
                .subject());
        assertEquals("backpressure", problem(reading("local[2]")
                .sparkConf("spark.streaming.backpressure.enabled", "yes")).subject());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yarn", "k8s://https://127.0.0.1:6443"})
    void givenAClusterManagerThisBuildDoesNotShip_start_saysSoInOneLineAndStartsNothing(String master) {
        var started = new SparkStreamEngine(reading(master).build())
                .start(StreamJob.sampling(BatchTally.EVERYTHING), batch -> { });

        assertEquals("master", started.getLeft().subject());
        assertTrue(started.getLeft().reason().contains("spark-submit"), started.getLeft()::reason);
        assertEquals(1, started.getLeft().toString().lines().count());
        assertTrue(StreamingContext.getActive().isEmpty(), "no Spark context was made");
    }

    @Test
    void givenALocalMaster_sparkConf_keepsTheDriverOnLoopbackAndStopsGracefullyOnSigterm() {
        SparkConf conf = new SparkStreamEngine(seed(), name -> null).sparkConf();

        assertEquals("local[2]", conf.get("spark.master"));
        assertEquals("tweetpipe", conf.get("spark.app.name"));
        assertEquals("127.0.0.1", conf.get("spark.driver.host"));
        assertEquals("127.0.0.1", conf.get("spark.driver.bindAddress"));
        assertEquals("true", conf.get("spark.streaming.stopGracefullyOnShutdown"));
        assertEquals("false", conf.get("spark.ui.showConsoleProgress"));
    }

    @Test
    void givenNoLoopbackSparkLocalIp_sparkConf_turnsTheUiOffRatherThanExposeIt() {
        Map<String, String> unset = Map.of();
        Map<String, String> everywhere = Map.of("SPARK_LOCAL_IP", "0.0.0.0");
        Map<String, String> loopback = Map.of("SPARK_LOCAL_IP", "127.0.0.1");
        SparkSettings settings = seed();

        assertEquals("false", new SparkStreamEngine(settings, unset::get).sparkConf().get("spark.ui.enabled"));
        assertEquals("false", new SparkStreamEngine(settings, everywhere::get).sparkConf().get("spark.ui.enabled"));
        SparkConf onLoopback = new SparkStreamEngine(settings, loopback::get).sparkConf();
        assertEquals("true", onLoopback.get("spark.ui.enabled"));
        assertEquals("4040", onLoopback.get("spark.ui.port"));
        assertEquals("false", new SparkStreamEngine(reading("local[2]").ui(Option.none()).build(), loopback::get)
                .sparkConf().get("spark.ui.enabled"));
    }

    @Test
    void givenSparkSettings_sparkConf_letsThemWinOverTheAdaptersChoices() {
        SparkSettings settings = reading("local[2]").sparkConf("spark.driver.host", "10.0.0.5")
                .sparkConf("spark.ui.enabled", "true").build();

        SparkConf conf = new SparkStreamEngine(settings, name -> null).sparkConf();

        assertEquals("10.0.0.5", conf.get("spark.driver.host"));
        assertEquals("true", conf.get("spark.ui.enabled"));
    }

    @Test
    void storageLevel_replicatesBlocksOnlyWhereThereIsAPeerAndNoWriteAheadLog() {
        SparkSettings local = seed();
        SparkSettings localOnHeap = reading("local[2]").sparkConf(SparkSettings.OFF_HEAP, "false").build();
        SparkSettings cluster = reading("spark://127.0.0.1:7077").build();
        SparkSettings clusterWithLog = reading("spark://127.0.0.1:7077")
                .sparkConf("spark.streaming.receiver.writeAheadLog.enable", "true").build();

        assertEquals(StorageLevel.OFF_HEAP(), storageLevel(local), "one copy, off the heap");
        assertEquals(StorageLevel.MEMORY_AND_DISK_SER(), storageLevel(localOnHeap));
        assertEquals(StorageLevel.MEMORY_AND_DISK_SER_2(), storageLevel(cluster));
        assertEquals(StorageLevel.MEMORY_AND_DISK_SER(), storageLevel(clusterWithLog));
        assertTrue(local.isLocal());
        assertFalse(cluster.isLocal());
    }

    @Test
    void localMode_givesSparkOffHeapMemoryUnlessTold() {
        SparkConf local = new SparkStreamEngine(seed(), name -> null).sparkConf();
        SparkConf smaller = new SparkStreamEngine(reading("local[2]").sparkConf(SparkSettings.OFF_HEAP_SIZE, "64m")
                .build(), name -> null).sparkConf();
        SparkConf cluster = new SparkStreamEngine(reading("spark://127.0.0.1:7077").build(), name -> null).sparkConf();

        assertEquals("true", local.get(SparkSettings.OFF_HEAP));
        assertEquals(SparkSettings.DEFAULT_OFF_HEAP_SIZE, local.get(SparkSettings.OFF_HEAP_SIZE));
        assertEquals("64m", smaller.get(SparkSettings.OFF_HEAP_SIZE));
        assertFalse(cluster.contains(SparkSettings.OFF_HEAP), "an executor's memory is the cluster's to set");
    }

    private static StorageLevel storageLevel(SparkSettings settings) {
        SparkStreamEngine engine = new SparkStreamEngine(settings, name -> null);
        return engine.storageLevel(engine.sparkConf());
    }
}
