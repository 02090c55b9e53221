package io.tweetpipe.bootstrap.config;

import io.tweetpipe.adapters.socket.RelaySettings;
import io.tweetpipe.adapters.spark.SparkSettings;
import io.tweetpipe.adapters.twitter.live.TwitterStreamSettings;
import io.tweetpipe.adapters.twitter.live.XStreamSettings;
import io.tweetpipe.adapters.twitter.replay.ReplaySettings;
import io.tweetpipe.adapters.web.DashboardSettings;
import io.tweetpipe.application.port.in.TrainLanguageModelUseCase;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.framing.Wire;
import io.tweetpipe.domain.tweet.TrackFilter;
import io.vavr.Tuple;
import io.vavr.Tuple4;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Duration;

/**
 * Every setting of one run, checked: each adapter's own settings, built by the part of the command line that concerns
 * it. The Dagger components are built from this record.
 *
 * @param twitter the v1.1 source's settings, exactly when it was asked for and its settings are right
 * @param x the X (v2) source's settings, likewise
 * @param wire what the relay sends: the tutorial's text, or structured records
 * @param spark the stream's settings; none in the relay mode, which runs no Spark, so that the stream's rules (a
 *     port to read, not 0 for any free one; a master with enough threads) are asked only of a run that has a stream
 * @param analyses what the stream computes besides each batch's sample; none in the relay mode
 * @param dashboard where the live page is served, if it is
 * @param storage where the stream's outputs go: the console, files, databases
 * @param verbose the relay's closing summary with its full socket accounting, not one short line
 * @param kafka Kafka between the relay and the stream; none for the relay's socket
 * @param replay the recording to replay, or in the train mode to learn from
 * @param training what the train mode learns and where it saves it; none in the other modes
 */
public record PipelineConfig(Mode mode, TrackFilter filter, SourceKind source, ReplaySettings replay,
                             Option<TwitterStreamSettings> twitter, Option<XStreamSettings> x, RelaySettings relay,
                             Wire wire, Option<SparkSettings> spark, Seq<Analysis> analyses,
                             Option<DashboardSettings> dashboard, Storage storage, Option<Duration> runFor,
                             boolean verbose, Option<KafkaTransport> kafka, Option<Training> training) {

    /**
     * The tutorial's two programs, alone or both in one process (the demo, what runs when no mode is given), and the
     * offline training of a language model.
     */
    public enum Mode { DEMO, RELAY, STREAM, TRAIN }

    /** {@code tweetpipe train}: where Spark runs, and the plan (model directory, held-out share, seed). */
    public record Training(String master, TrainLanguageModelUseCase.Plan plan) { }

    /**
     * Where the relay's tweets come from: a recording (the bundled sample unless a file is given), a v1.1-compatible
     * streaming endpoint (Twitter's own is closed), or X's v2 filtered stream.
     */
    public enum SourceKind { REPLAY, TWITTER, X }

    /** The run's settings when every part is right; else every part's problems, each once, in order. */
    public static Validation<Seq<Rejection>, PipelineConfig> of(
            Mode mode, Validation<Seq<Rejection>, TrackFilter> filter, SourceKind source,
            Validation<Seq<Rejection>, ReplaySettings> replay,
            Validation<Seq<Rejection>, Option<TwitterStreamSettings>> twitter,
            Validation<Seq<Rejection>, Option<XStreamSettings>> x,
            Validation<Seq<Rejection>, RelaySettings> relay, Wire wire,
            Validation<Seq<Rejection>, Option<SparkSettings>> spark, Validation<Seq<Rejection>, Seq<Analysis>> analyses,
            Validation<Seq<Rejection>, Option<DashboardSettings>> dashboard, Validation<Seq<Rejection>, Storage> storage,
            Option<Duration> runFor, boolean verbose, Validation<Seq<Rejection>, Option<KafkaTransport>> kafka,
            Validation<Seq<Rejection>, Option<Training>> training) {
        // Vavr combines eight at most: the stream's outputs, its transport and the training go together first.
        Validation<Seq<Rejection>, Tuple4<Option<DashboardSettings>, Storage, Option<KafkaTransport>,
                Option<Training>>> around = Validation.combine(dashboard, storage, kafka, training).ap(Tuple::of)
                .mapError(PipelineConfig::flat);
        return Validation.combine(filter, replay, twitter, x, relay, spark, analyses, around)
                .ap((f, r, t, v2, s, sp, a, o) -> new PipelineConfig(mode, f, source, r, t, v2, s, wire, sp, a, o._1,
                        o._2, runFor, verbose, o._3, o._4))
                .mapError(PipelineConfig::flat);
    }

    private static Seq<Rejection> flat(Seq<Seq<Rejection>> problems) {
        return problems.<Rejection>flatMap(part -> part).distinct();
    }
}
