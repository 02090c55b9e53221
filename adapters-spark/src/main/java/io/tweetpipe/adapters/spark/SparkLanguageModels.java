package io.tweetpipe.adapters.spark;

import io.tweetpipe.application.port.out.LanguageModelTrainer;
import io.tweetpipe.application.port.out.ModelInspector;
import io.tweetpipe.application.port.out.SavedModel;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.features.LanguageFeatures;
import io.tweetpipe.domain.learning.LabelledText;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.collection.TreeSet;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.ClassificationModel;
import org.apache.spark.ml.classification.NaiveBayes;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.IndexToString;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Offline language models on Spark ML: a {@link Pipeline} of the domain's terms ({@link LanguageTerms}), hashing at a
 * fixed dimension ({@link HashingTF}), multinomial naive Bayes and the labels back from their indices, fitted on a
 * local Spark of its own and saved with Spark's writer. Beside Spark's files goes {@value #DESCRIPTION}, written last:
 * what the model reads (the features' version), its languages and what trained it. A directory without it holds no
 * model of ours, whatever else it holds; one whose features differ from this build's is refused before Spark reads it.
 *
 * <p>Naive Bayes here as in the streaming classifier: the same counts over the same terms, fitted in one pass.
 */
public final class SparkLanguageModels implements LanguageModelTrainer, ModelInspector {

    /** Written after Spark's files: a model directory is whole when it is there. */
    static final String DESCRIPTION = "tweetpipe-model.properties";
    /** The layout of the directory; a change to the pipeline's stages changes it. */
    static final String FORMAT = "1";
    /** Buckets the terms are hashed into; twice the streaming classifier's, as a saved model's size matters less. */
    static final int DIMENSION = 1 << 15;

    private static final String LABEL = "label";
    private static final String FEATURES = "features";
    private static final String PREDICTED = "predicted_lang";
    private static final String ORDER = "order";

    private final String master;

    /** @param master where the training runs, as Spark names it ({@code local[2]}) */
    public SparkLanguageModels(String master) {
        this.master = Objects.requireNonNull(master, "master");
    }

    @Override
    public Either<Rejection, Seq<String>> train(Seq<LabelledText> examples, Seq<String> heldOut, String directory) {
        if (examples.isEmpty()) {
            return Either.left(Rejection.of("training", "no example to learn from"));
        }
        Path target = Path.of(directory);
        Option<Rejection> occupied = occupied(target);
        if (occupied.isDefined()) {
            return Either.left(occupied.get());
        }
        Seq<String> labels = TreeSet.ofAll(examples.map(LabelledText::label)).toVector();
        SparkLogging.quietUnlessConfigured();
        SparkSession session = session();
        try {
            Dataset<Row> training = session.createDataFrame(examples.zipWithIndex().map(example -> RowFactory.create(
                    (long) example._2(), example._1().text(), (double) labels.indexOf(example._1().label())))
                    .toJavaList(), schema(true));
            PipelineModel model = pipeline(labels).fit(training);
            model.write().overwrite().save(directory);
            describe(target, labels, examples.size(), session.version());
            return Either.right(predict(session, model, heldOut));
        } catch (IOException | RuntimeException e) {
            return Either.left(Rejection.of("model", "could not train or save the model in " + directory + ": "
                    + oneLine(e)));
        } finally {
            session.stop();
        }
    }

    @Override
    public Either<Rejection, SavedModel> inspect(String directory) {
        Path description = Path.of(directory).resolve(DESCRIPTION);
        if (!Files.isRegularFile(description)) {
            return Either.left(Rejection.of("model", directory + " holds no language model (no " + DESCRIPTION
                    + "): train one with 'tweetpipe train'"));
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(description, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Either.left(Rejection.of("model", description + " cannot be read: " + oneLine(e)));
        }
        String format = properties.getProperty("format", "?");
        String features = properties.getProperty("features", "?");
        if (!FORMAT.equals(format) || !LanguageFeatures.VERSION.equals(features)) {
            return Either.left(Rejection.of("model", directory + " holds a model of format " + format + " reading "
                    + "features " + features + "; this tweetpipe reads format " + FORMAT + ", features "
                    + LanguageFeatures.VERSION + ": train it again with this version"));
        }
        return Either.right(new SavedModel(directory, features,
                Array.of(properties.getProperty("languages", "").split(",")).filter(l -> !l.isEmpty()),
                Long.parseLong(properties.getProperty("examples", "0")), properties.getProperty("engine", "?")));
    }

    /**
     * The saved pipeline as a function on records, once {@link #inspect} finds the directory is a model this build
     * reads; a model Spark cannot load (files missing, another Spark's incompatible format) is one line too.
     */
    static Either<Rejection, PredictLanguage> load(SparkSession session, String directory) {
        return new SparkLanguageModels(session.sparkContext().master()).inspect(directory).flatMap(saved -> Try.of(
                        () -> PipelineModel.load(directory)).toEither()
                .mapLeft(e -> Rejection.of("model", directory + " holds a model Spark " + session.version()
                        + " cannot load: " + oneLine(e)))
                .flatMap(model -> predictor(model, directory)));
    }

    @SuppressWarnings("unchecked")
    private static Either<Rejection, PredictLanguage> predictor(PipelineModel model, String directory) {
        Transformer[] stages = model.stages();
        if (stages.length != 4 || !(stages[0] instanceof LanguageTerms) || !(stages[1] instanceof HashingTF hashing)
                || !(stages[2] instanceof ClassificationModel<?, ?> classifier)
                || !(stages[3] instanceof IndexToString labels)) {
            return Either.left(Rejection.of("model", directory + " holds a pipeline of other stages ("
                    + Array.of(stages).map(stage -> stage.getClass().getSimpleName()).mkString(", ")
                    + "): train it again with this version"));
        }
        return Either.right(new PredictLanguage(hashing, (ClassificationModel<Vector, ?>) classifier,
                Array.of(labels.getLabels())));
    }

    private static Pipeline pipeline(Seq<String> labels) {
        return new Pipeline().setStages(new PipelineStage[] {
            new LanguageTerms(),
            new HashingTF().setInputCol(LanguageTerms.TERMS).setOutputCol(FEATURES).setNumFeatures(DIMENSION),
            new NaiveBayes().setModelType("multinomial").setSmoothing(1.0).setFeaturesCol(FEATURES)
                    .setLabelCol(LABEL),
            new IndexToString().setInputCol("prediction").setOutputCol(PREDICTED)
                    .setLabels(labels.toJavaArray(String[]::new))});
    }

    private static Seq<String> predict(SparkSession session, PipelineModel model, Seq<String> texts) {
        if (texts.isEmpty()) {
            return Array.empty();
        }
        Dataset<Row> rows = session.createDataFrame(texts.zipWithIndex()
                .map(text -> RowFactory.create((long) text._2(), text._1())).toJavaList(), schema(false));
        return Array.ofAll(model.transform(rows).orderBy(ORDER).select(PREDICTED).collectAsList())
                .map(row -> row.getString(0));
    }

    private static StructType schema(boolean labelled) {
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField(ORDER, DataTypes.LongType, false),
                DataTypes.createStructField(LanguageTerms.BODY, DataTypes.StringType, false)));
        return labelled ? schema.add(LABEL, DataTypes.DoubleType, false) : schema;
    }

    /** A directory Spark's writer would empty: one holding anything but a model of ours is not ours to empty. */
    private static Option<Rejection> occupied(Path target) {
        if (Files.isRegularFile(target)) {
            return Option.some(Rejection.of("model", target + " is a file: give a directory for the model"));
        }
        if (!Files.isDirectory(target) || Files.isRegularFile(target.resolve(DESCRIPTION))) {
            return Option.none();
        }
        try (Stream<Path> entries = Files.list(target)) {
            return entries.findAny().isPresent()
                    ? Option.some(Rejection.of("model", target + " holds files that are not a tweetpipe model: give "
                            + "an empty or new directory"))
                    : Option.none();
        } catch (IOException e) {
            return Option.some(Rejection.of("model", target + " cannot be read: " + oneLine(e)));
        }
    }

    private static void describe(Path target, Seq<String> labels, int examples, String sparkVersion)
            throws IOException {
        Properties properties = new Properties();
        properties.setProperty("format", FORMAT);
        properties.setProperty("features", LanguageFeatures.VERSION);
        properties.setProperty("languages", labels.mkString(","));
        properties.setProperty("examples", Integer.toString(examples));
        properties.setProperty("engine", "Spark " + sparkVersion);
        try (Writer out = Files.newBufferedWriter(target.resolve(DESCRIPTION), StandardCharsets.UTF_8)) {
            properties.store(out, "a tweetpipe language model; Spark's files beside it");
        }
    }

    private SparkSession session() {
        SparkConf conf = new SparkConf().setMaster(master).setAppName(SparkSettings.APP_NAME + " train")
                .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false");
        if (master.startsWith("local")) {
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }

    private static String oneLine(Throwable e) {
        return e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                .strip();
    }
}
