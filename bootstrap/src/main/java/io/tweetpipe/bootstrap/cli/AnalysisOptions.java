package io.tweetpipe.bootstrap.cli;

import io.tweetpipe.application.port.out.QueryAnalyzer;
import io.tweetpipe.bootstrap.config.PipelineConfig.Mode;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.Subject;
import io.tweetpipe.domain.analysis.Window;
import io.tweetpipe.domain.analysis.Words;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** What the stream computes besides each batch's sample (stream and demo). */
final class AnalysisOptions {

    static final String HEADING = "%nAnalyses:%n";

    @CommandLine.Option(names = "--trends", paramLabel = "LIST", converter = SubjectsConverter.class,
            description = "rank these over a sliding window: hashtags, words, mentions, or none (default: hashtags "
                    + "in the demo, none in stream)")
    Seq<Subject> trends;
    @CommandLine.Option(names = "--window", paramLabel = "D", converter = RunOptions.DurationConverter.class,
            description = "how much of the stream a ranking counts, a whole number of batches (default: 60s, or "
                    + "the next whole number of batches)")
    Duration window;
    @CommandLine.Option(names = "--slide", paramLabel = "D", converter = RunOptions.DurationConverter.class,
            description = "how often a ranking, or a windowed query, is made, a whole number of batches (default: "
                    + "10s, or the next whole number of batches)")
    Duration slide;
    @CommandLine.Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "how many keys a ranking shows, 1 to 100 (default: ${DEFAULT-VALUE})")
    int top;
    @CommandLine.Option(names = "--totals", description = "count every hashtag since the start, with the distinct "
            + "hashtags and authors, each batch")
    boolean totals;
    @CommandLine.Option(names = "--idle-timeout", paramLabel = "D", defaultValue = "10m",
            converter = RunOptions.DurationConverter.class,
            description = "the totals forget a hashtag or author not seen for D (default: ${DEFAULT-VALUE})")
    Duration idleTimeout;
    @CommandLine.Option(names = "--sql", paramLabel = "QUERY", description = "run a Spark SQL query over the view "
            + "tweets of each batch and print its rows, e.g. \"SELECT lang, count(*) AS n FROM tweets GROUP BY lang\"; "
            + "may be given more than once")
    java.util.List<String> sql;
    @CommandLine.Option(names = "--sql-window", paramLabel = "D", converter = RunOptions.DurationConverter.class,
            description = "run the queries over a window of D, every --slide, rather than over each batch")
    Duration sqlWindow;

    @CommandLine.Option(names = "--clusters", paramLabel = "K", description = "group tweets into K topic clusters "
            + "with streaming k-means, 2 to 50, and report each cluster's size and top words every batch")
    Integer clusters;
    @CommandLine.Option(names = "--cluster-half-life", paramLabel = "D", defaultValue = "30s",
            converter = RunOptions.DurationConverter.class,
            description = "with --clusters: how fast older batches weigh less (default: ${DEFAULT-VALUE})")
    Duration clusterHalfLife;
    @CommandLine.Option(names = "--classifier", description = "learn each tweet's language online, each batch "
            + "predicted before it is learnt from, with the accuracy per batch and since the start (the labels come "
            + "from the structured wire)")
    boolean classifier;
    @CommandLine.Option(names = "--model", paramLabel = "DIR", description = "add the language a model trained by "
            + "'tweetpipe train' predicts to every record: the column predicted_lang, for SQL and the sinks")
    String model;

    /**
     * The analyses asked for, checked against the batch interval; the tracked keywords are left out of word rankings,
     * which they would top. Queries are analysed by {@code queries} only when everything else is right, because it
     * starts Spark.
     */
    Validation<Seq<Rejection>, Seq<Analysis>> analyses(Mode mode, Duration batch, Seq<String> tracked,
                                                       QueryAnalyzer queries) {
        if (batch == null || batch.isNegative() || batch.isZero()) {
            return Validation.valid(List.empty());  // the stream's options say what is wrong with the batch interval
        }
        Duration window = this.window != null ? this.window : wholeBatches(DEFAULT_WINDOW, batch);
        Duration slide = this.slide != null ? this.slide : wholeBatches(DEFAULT_SLIDE, batch);
        Seq<Subject> subjects = trends != null ? trends : mode == Mode.DEMO ? List.of(Subject.HASHTAGS) : List.empty();
        Seq<Either<Rejection, Analysis>> asked = List.empty();
        if (top < 1 || top > 100) {
            asked = asked.append(Either.left(Rejection.of("--top", top + " is not between 1 and 100")));
        }
        Either<Rejection, Window> sliding = Window.of(window, slide, batch);
        HashSet<String> trackedWords = HashSet.ofAll(tracked.flatMap(Words::of));
        asked = asked.appendAll(subjects.map(subject -> sliding.map(w -> new Analysis.Trending(subject, w,
                Math.max(1, top), subject == Subject.WORDS ? trackedWords : HashSet.empty()))));
        if (totals) {
            asked = asked.append(idleTimeout.compareTo(batch) < 0
                    ? Either.left(Rejection.of("--idle-timeout", "shorter than a batch: nothing would be kept"))
                    : Either.right(new Analysis.RunningTotals(idleTimeout, batch.multipliedBy(10), Math.max(1, top))));
        }
        if (clusters != null) {
            asked = asked.append(clusters < 2 || clusters > 50
                    ? Either.left(Rejection.of("--clusters", clusters + " is not between 2 and 50"))
                    : clusterHalfLife.isZero() ? Either.left(Rejection.of("--cluster-half-life", "give a half-life "
                            + "longer than nothing, e.g. 30s"))
                    : Either.right(new Analysis.Clusters(clusters, clusterHalfLife)));
        }
        if (classifier) {
            asked = asked.append(Either.right(new Analysis.LanguageClassifier()));
        }
        if (model != null) {
            asked = asked.append(model.isBlank() ? Either.left(Rejection.of("--model", "give the directory "
                    + "'tweetpipe train' saved a model in")) : Either.right(new Analysis.ModelPredictions(model.strip())));
        }
        Either<Rejection, Option<Window>> queryWindow = sqlWindow == null ? Either.right(Option.none())
                : Window.of(sqlWindow, slide, batch).map(Option::some);
        for (String query : sql == null ? java.util.List.<String>of() : sql) {
            asked = asked.append(queryWindow.map(w -> new Analysis.Sql(query.strip(), w)));
        }
        Seq<Rejection> problems = asked.flatMap(Either::swap).distinct();
        if (problems.isEmpty()) {  // only then are queries analysed: that starts a small Spark
            problems = asked.flatMap(Either::toOption).filter(Analysis.Sql.class::isInstance)
                    .map(Analysis.Sql.class::cast).flatMap(query -> queries.analyse(query.query()).swap());
        }
        return problems.isEmpty() ? Validation.valid(asked.flatMap(Either::toOption)) : Validation.invalid(problems);
    }

    private static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);
    private static final Duration DEFAULT_SLIDE = Duration.ofSeconds(10);

    /** A default rounded up to batches: a default must never be a mistake, whatever the batch interval. */
    private static Duration wholeBatches(Duration wanted, Duration batch) {
        long batches = Math.max(1, (wanted.toMillis() + batch.toMillis() - 1) / batch.toMillis());
        return batch.multipliedBy(batches);
    }

    /** {@code hashtags,words}, or {@code none}. */
    static final class SubjectsConverter implements ITypeConverter<Seq<Subject>> {
        @Override
        public Seq<Subject> convert(String value) {
            List<String> names = List.of(value.split(",")).map(name -> name.strip().toUpperCase(Locale.ROOT))
                    .filter(name -> !name.isEmpty());
            if (names.isEmpty()) {
                throw new TypeConversionException("give hashtags, words, mentions or none");
            }
            if (names.equals(List.of("NONE"))) {
                return List.empty();
            }
            return names.map(name -> List.of(Subject.values()).find(s -> s.name().equals(name)).getOrElseThrow(() ->
                    new TypeConversionException("'" + name.toLowerCase(Locale.ROOT) + "' is not a subject: use "
                            + "hashtags, words, mentions or none"))).distinct();
        }
    }
}
