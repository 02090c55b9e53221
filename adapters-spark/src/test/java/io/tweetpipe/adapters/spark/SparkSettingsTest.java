package io.tweetpipe.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.domain.Rejection;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SparkSettingsTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private static Either<Rejection, SparkSettings> master(String master) {
        return SparkSettings.of(master, SECOND, "127.0.0.1", 5555, 1 << 20);
    }

    @Test
    void defaults_areTheSeedsSetup() {
        SparkSettings defaults = SparkSettings.defaults();

        assertEquals("local[2]", defaults.master());
        assertEquals(SECOND, defaults.batchInterval());
        assertEquals("127.0.0.1", defaults.host());
        assertEquals(5555, defaults.port());
        assertEquals(1 << 20, defaults.maxFrameBytes());
        assertEquals("tweetpipe", defaults.appName());
        assertEquals(Option.some(4040), defaults.uiPort());
        assertTrue(defaults.sparkConf().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local[2]", "local[8]", "local[*]", "local[4, 3]", "spark://127.0.0.1:7077", "yarn",
            "k8s://https://127.0.0.1:6443", "local-cluster[2,1,1024]"})
    void givenAMasterSparkRuns_of_acceptsIt(String master) {
        assertEquals(master, master(master).get().master());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "local[1]", "local[0]"})
    void givenALocalMasterWithOneThread_of_refusesItBecauseTheReceiverTakesIt(String master) {
        Rejection rejection = master(master).getLeft();

        assertEquals("master", rejection.subject());
        assertTrue(rejection.reason().contains("local[2]"), rejection::reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "lokal[2]", "spark:/oops", "mesos://x"})
    void givenNoMasterURL_of_refusesIt(String master) {
        assertEquals("master", master(master).getLeft().subject());
    }

    @Test
    void givenOtherWrongValues_of_namesWhatIsWrong() {
        assertEquals("batch interval", SparkSettings.of("local[2]", Duration.ZERO, "h", 1, 1).getLeft().subject());
        assertEquals("batch interval",
                SparkSettings.of("local[2]", Duration.ofNanos(1_500_000), "h", 1, 1).getLeft().subject());
        assertEquals("host", SparkSettings.of("local[2]", SECOND, " ", 1, 1).getLeft().subject());
        assertEquals("port", SparkSettings.of("local[2]", SECOND, "h", 0, 1).getLeft().subject());
        assertEquals("port", SparkSettings.of("local[2]", SECOND, "h", 65_536, 1).getLeft().subject());
        assertEquals("max frame bytes", SparkSettings.of("local[2]", SECOND, "h", 1, 0).getLeft().subject());
        assertEquals("ui port", SparkSettings.defaults().withUi(Option.some(-1)).getLeft().subject());
        assertEquals("spark setting", SparkSettings.defaults().withSparkConf("ui.port", "1").getLeft().subject());
        assertThrows(IllegalArgumentException.class, () -> new SparkSettings("local[1]", SECOND,
                io.vavr.collection.List.of(new SparkSettings.Relay("h", 1)), 1, "tweetpipe", Option.none(),
                Option.none(), io.vavr.collection.HashMap.empty()));
    }

    @Test
    void givenAMaxRateAndBackpressure_with_keepsThemUnderSparksNames() {
        SparkSettings settings = SparkSettings.defaults().withMaxRate(50_000)
                .flatMap(s -> s.withBackpressure(true)).get();

        assertEquals(Option.some(50_000L), settings.maxRate());
        assertTrue(settings.backpressure());
        assertEquals(Option.none(), SparkSettings.defaults().maxRate());
        assertFalse(SparkSettings.defaults().backpressure());
        SparkConf conf = new SparkStreamEngine(settings, name -> null).sparkConf();
        assertEquals("50000", conf.get("spark.streaming.receiver.maxRate"));
        assertEquals("true", conf.get("spark.streaming.backpressure.enabled"));
    }

    @Test
    void givenACheckpointDirectory_with_turnsTheReceiversWriteAheadLogOn() {
        SparkSettings settings = master("spark://127.0.0.1:7077").flatMap(s -> s.withCheckpoint(" /tmp/cp ")).get();

        assertEquals(Option.some("/tmp/cp"), settings.checkpoint());
        assertEquals("true", new SparkStreamEngine(settings, name -> null).sparkConf()
                .get("spark.streaming.receiver.writeAheadLog.enable"));
        assertEquals(StorageLevel.MEMORY_AND_DISK_SER(), storageLevel(settings), "the log is the second copy");
        assertEquals(Option.none(), SparkSettings.defaults().checkpoint());
        assertEquals("checkpoint", SparkSettings.defaults().withCheckpoint(" ").getLeft().subject());
    }

    private static final io.vavr.collection.List<SparkSettings.Relay> TWO_RELAYS = io.vavr.collection.List.of(
            new SparkSettings.Relay("127.0.0.1", 5555), new SparkSettings.Relay("127.0.0.1", 5556));

    @Test
    void givenTwoRelays_withRelays_wantsMoreLocalThreadsThanReceivers() {
        Rejection rejection = master("local[2]").flatMap(s -> s.withRelays(TWO_RELAYS)).getLeft();

        assertEquals("master", rejection.subject());
        assertTrue(rejection.reason().contains("local[3]"), rejection::reason);
        SparkSettings three = master("local[3]").flatMap(s -> s.withRelays(TWO_RELAYS)).get();
        assertEquals(TWO_RELAYS, three.relays());
        assertEquals("127.0.0.1", three.host());
        assertEquals(5555, three.port());
        assertTrue(master("spark://127.0.0.1:7077").flatMap(s -> s.withRelays(TWO_RELAYS)).isRight(),
                "a cluster's cores are its workers' business");
    }

    @Test
    void givenNoRelayOrOneTwice_withRelays_refuses() {
        SparkSettings four = master("local[4]").get();

        assertEquals("relays", four.withRelays(io.vavr.collection.List.empty()).getLeft().subject());
        assertEquals("relays", four.withRelays(TWO_RELAYS.append(TWO_RELAYS.head())).getLeft().subject());
        assertEquals("port", four.withRelays(io.vavr.collection.List.of(new SparkSettings.Relay("h", 0)))
                .getLeft().subject());
    }

    @Test
    void givenAWrongRate_with_namesIt() {
        assertEquals("max rate", SparkSettings.defaults().withMaxRate(0).getLeft().subject());
        assertEquals("max rate", SparkSettings.defaults()
                .withSparkConf("spark.streaming.receiver.maxRate", "fast").getLeft().subject());
        assertEquals("backpressure", SparkSettings.defaults()
                .withSparkConf("spark.streaming.backpressure.enabled", "yes").getLeft().subject());
    }

    @Test
    void givenALocalMaster_sparkConf_keepsTheDriverOnLoopbackAndStopsGracefullyOnSigterm() {
        SparkConf conf = new SparkStreamEngine(SparkSettings.defaults(), name -> null).sparkConf();

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
        SparkSettings settings = SparkSettings.defaults();

        assertEquals("false", new SparkStreamEngine(settings, unset::get).sparkConf().get("spark.ui.enabled"));
        assertEquals("false", new SparkStreamEngine(settings, everywhere::get).sparkConf().get("spark.ui.enabled"));
        SparkConf onLoopback = new SparkStreamEngine(settings, loopback::get).sparkConf();
        assertEquals("true", onLoopback.get("spark.ui.enabled"));
        assertEquals("4040", onLoopback.get("spark.ui.port"));
        assertEquals("false", new SparkStreamEngine(settings.withUi(Option.none()).get(), loopback::get).sparkConf()
                .get("spark.ui.enabled"));
    }

    @Test
    void givenSparkSettings_sparkConf_letsThemWinOverTheAdaptersChoices() {
        SparkSettings settings = SparkSettings.defaults().withSparkConf("spark.driver.host", "10.0.0.5")
                .flatMap(s -> s.withSparkConf("spark.ui.enabled", "true")).get();

        SparkConf conf = new SparkStreamEngine(settings, name -> null).sparkConf();

        assertEquals("10.0.0.5", conf.get("spark.driver.host"));
        assertEquals("true", conf.get("spark.ui.enabled"));
    }

    @Test
    void storageLevel_replicatesBlocksOnlyWhereThereIsAPeerAndNoWriteAheadLog() {
        SparkSettings local = SparkSettings.defaults();
        SparkSettings cluster = master("spark://127.0.0.1:7077").get();
        SparkSettings clusterWithLog = cluster.withSparkConf("spark.streaming.receiver.writeAheadLog.enable", "true")
                .get();

        assertEquals(StorageLevel.MEMORY_AND_DISK_SER(), storageLevel(local));
        assertEquals(StorageLevel.MEMORY_AND_DISK_SER_2(), storageLevel(cluster));
        assertEquals(StorageLevel.MEMORY_AND_DISK_SER(), storageLevel(clusterWithLog));
        assertTrue(local.isLocal());
        assertFalse(cluster.isLocal());
    }

    private static StorageLevel storageLevel(SparkSettings settings) {
        SparkStreamEngine engine = new SparkStreamEngine(settings, name -> null);
        return engine.storageLevel(engine.sparkConf());
    }
}
