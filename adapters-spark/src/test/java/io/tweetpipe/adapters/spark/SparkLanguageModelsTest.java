package io.tweetpipe.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.StreamJob;
import io.tweetpipe.domain.batch.PredictedLanguages;
import io.tweetpipe.domain.batch.QueryRows;
import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.tweetpipe.domain.features.LanguageFeatures;
import io.tweetpipe.domain.learning.ConfusionMatrix;
import io.tweetpipe.domain.learning.HeldOut;
import io.tweetpipe.domain.learning.LabelledText;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline model on the bundled sample: trained on four fifths, tested on the fifth it never saw, saved, loaded
 * back, and applied record by record exactly as the pipeline predicts; and every directory that is not a model of
 * this build refused with one line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkLanguageModelsTest {

    @TempDir
    static Path directory;

    private Path model;
    private Seq<String> heldOutTexts;
    private Seq<String> heldOutLabels;
    private Seq<String> predicted;

    @BeforeAll
    void trainOnTheBundledSample() {
        Tuple2<Seq<LabelledText>, Seq<LabelledText>> split = HeldOut.split(BundledSample.labelled(), 0.2, 20261124L);
        model = directory.resolve("model");
        heldOutTexts = split._2().map(LabelledText::text);
        heldOutLabels = split._2().map(LabelledText::label);
        predicted = new SparkLanguageModels("local[2]").train(split._1(), heldOutTexts, model.toString())
                .getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
    }

    @Test
    void givenTheBundledSample_train_isRightOnAtLeast95PercentOfTheHeldOutTweets() {
        ConfusionMatrix confusion = ConfusionMatrix.of(heldOutLabels, predicted);

        System.out.println("offline model, held out: " + confusion.accuracy());
        confusion.lines().forEach(System.out::println);
        assertEquals(heldOutTexts.size(), predicted.size());
        assertTrue(heldOutTexts.size() > 500, heldOutTexts.size() + " held out");
        assertTrue(confusion.accuracy().rate().get() >= 0.95, "held-out accuracy " + confusion.accuracy());
    }

    @Test
    void givenTheSavedModel_load_predictsEachRecordAsThePipelineDid() throws Exception {
        try (SparkSession session = session()) {
            PredictLanguage predict = SparkLanguageModels.load(session, model.toString())
                    .getOrElseThrow(rejection -> new AssertionError(rejection.toString()));

            assertEquals(predicted, heldOutTexts.map(predict::predict));
        }
    }

    @Test
    void givenTheSavedModel_inspect_describesIt() {
        var saved = new SparkLanguageModels("local[2]").inspect(model.toString()).get();

        assertEquals(List.of("de", "en", "es", "fr", "it", "ja", "nl", "pt", "und"), saved.languages());
        assertEquals(3_000 - heldOutTexts.size(), saved.examples());
        assertEquals(LanguageFeatures.VERSION, saved.features());
        assertTrue(saved.engine().startsWith("Spark 4."), saved.engine());
    }

    @Test
    void givenAModelOfOtherFeatures_inspectAndLoad_refuseItInOneLine() throws Exception {
        Path old = directory.resolve("old");
        copy(model, old);
        Path description = old.resolve(SparkLanguageModels.DESCRIPTION);
        Files.writeString(description, Files.readString(description, StandardCharsets.UTF_8)
                .replace(LanguageFeatures.VERSION.replace(":", "\\:"), "char-grams-1-5/0"), StandardCharsets.UTF_8);

        Either<Rejection, ?> inspected = new SparkLanguageModels("local[2]").inspect(old.toString());

        assertOneLine(inspected, "features char-grams-1-5/0");
        try (SparkSession session = session()) {
            assertOneLine(SparkLanguageModels.load(session, old.toString()), "train it again");
        }
    }

    @Test
    void givenADirectoryWithNoModel_load_saysSoInOneLine() throws Exception {
        Path empty = Files.createDirectories(directory.resolve("empty"));
        Path broken = directory.resolve("broken");
        copy(model, broken);
        deleteRecursively(broken.resolve("stages"));

        try (SparkSession session = session()) {
            assertOneLine(SparkLanguageModels.load(session, empty.toString()), "holds no language model");
            assertOneLine(SparkLanguageModels.load(session, directory.resolve("missing").toString()),
                    "holds no language model");
            assertOneLine(SparkLanguageModels.load(session, broken.toString()), "cannot load");
        }
    }

    @Test
    void givenADirectoryHoldingOtherFiles_train_leavesItAlone() throws Exception {
        Path occupied = Files.createDirectories(directory.resolve("occupied"));
        Files.writeString(occupied.resolve("notes.txt"), "mine");

        Either<Rejection, Seq<String>> trained = new SparkLanguageModels("local[2]")
                .train(BundledSample.labelled().take(50), List.of("x"), occupied.toString());

        assertOneLine(trained, "not a tweetpipe model");
        assertEquals("mine", Files.readString(occupied.resolve("notes.txt")));
    }

    /**
     * {@code stream --model}: every record of the real engine's stream carries the model's prediction, which the SQL
     * view reads as {@code predicted_lang}, and each batch's predictions are counted for the sinks.
     */
    @Test
    void givenTheModel_stream_addsAPredictionToEveryRecordForSqlAndTheSinks() throws Exception {
        Seq<Seq<byte[]>> batches = List.of(
                List.of("El metro iba LLENO otra vez", "the clinic on Elm street opens late tonight",
                        "gracias a todo el personal sanitario"),
                List.of("Die Apotheke hat heute länger offen", "la pharmacie ferme tôt ce soir"))
                .map(texts -> texts.map(text -> Frame.of(text).get().text().getBytes(StandardCharsets.UTF_8)));
        Analysis.ModelPredictions predictions = new Analysis.ModelPredictions(model.toString());
        StreamJob job = new StreamJob(Preprocessing.standard(), List.of(predictions, new Analysis.Sql(
                "SELECT predicted_lang, count(*) AS n FROM tweets GROUP BY predicted_lang ORDER BY 1", Option.none())));
        CapturingBatchSink sink = new CapturingBatchSink();

        RunningStream running = new SparkStreamEngine(TestSettings.reading(5555), ScheduledInput.of(batches))
                .start(job, sink).getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
        try {
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
            while (sink.figures().size() < batches.size() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            running.stop();
        }

        assertEquals(List.of(List.of(List.of("en", "1"), List.of("es", "2")), List.of(List.of("de", "1"),
                List.of("fr", "1"))), sink.outputs().filter(QueryRows.class::isInstance).map(QueryRows.class::cast)
                .take(2).map(QueryRows::rows));
        assertEquals(List.of(HashMap.of("en", 1L, "es", 2L), HashMap.of("de", 1L, "fr", 1L)),
                sink.outputs().filter(PredictedLanguages.class::isInstance).map(PredictedLanguages.class::cast)
                        .take(2).map(PredictedLanguages::counts));
    }

    @Test
    void givenADirectoryWithNoModel_stream_refusesToStartInOneLine() {
        StreamJob job = new StreamJob(Preprocessing.standard(),
                List.of(new Analysis.ModelPredictions(directory.resolve("nothing").toString())));

        Either<Rejection, RunningStream> started = new SparkStreamEngine(TestSettings.reading(5555),
                ScheduledInput.of(List.empty())).start(job, new CapturingBatchSink());

        assertOneLine(started, "holds no language model");
    }

    private static void assertOneLine(Either<Rejection, ?> result, String saying) {
        assertTrue(result.isLeft(), () -> "refused: " + result);
        assertTrue(result.getLeft().toString().contains(saying), result.getLeft()::toString);
        assertFalse(result.getLeft().toString().contains("\n"), result.getLeft()::toString);
    }

    private static SparkSession session() {
        SparkLogging.quietUnlessConfigured();
        return SparkSession.builder().config(new SparkConf().setMaster("local[2]").setAppName("test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")).getOrCreate();
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.copy(path, to.resolve(from.relativize(path).toString()));
            }
        }
    }

    private static void deleteRecursively(Path root) throws Exception {
        try (var paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
