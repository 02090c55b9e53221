package io.tweetpipe.bootstrap.config;

import io.tweetpipe.adapters.socket.RelaySettings;
import io.tweetpipe.adapters.spark.SparkSettings;
import io.tweetpipe.adapters.twitter.live.TwitterCredentials;
import io.tweetpipe.adapters.twitter.live.TwitterStreamSettings;
import io.tweetpipe.adapters.twitter.replay.ReplaySettings;
import io.tweetpipe.bootstrap.cli.Mode;
import io.tweetpipe.bootstrap.cli.Options;
import io.tweetpipe.bootstrap.cli.SourceKind;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.TrackFilter;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Duration;

/**
 * Every setting of one run, checked: the command line's options turned into each adapter's own settings, with every
 * mistake reported at once. The Dagger components are built from this record.
 *
 * @param spark the stream's settings; none in the relay mode, which runs no Spark, so that the stream's rules (a
 *     port to read, not 0 for any free one; a master with enough threads) are asked only of a run that has a stream
 */
public record PipelineConfig(Mode mode, TrackFilter filter, SourceKind source, ReplaySettings replay,
                             Option<TwitterStreamSettings> twitter, RelaySettings relay,
                             Option<SparkSettings> spark, Option<Duration> runFor) {

    public static Validation<Seq<Rejection>, PipelineConfig> from(Options options) {
        Validation<Seq<Rejection>, TrackFilter> filter = TrackFilter.of(options.keywords(), options.languages());
        Validation<Seq<Rejection>, ReplaySettings> replay =
                ReplaySettings.of(options.replayFile(), options.rate(), options.loop());
        Either<Rejection, RelaySettings> relay = RelaySettings.of(options.host(), options.port())
                .map(settings -> settings.withMaxFrameBytes(options.maxFrameBytes()));
        Either<Rejection, Option<SparkSettings>> spark = options.mode() == Mode.RELAY
                ? Either.right(Option.none())
                : spark(options).map(Option::some);
        // The live source is looked at only when asked for: credentials are needed for nothing else.
        Validation<Seq<Rejection>, Option<TwitterStreamSettings>> twitter = options.source() == SourceKind.TWITTER
                && options.mode() != Mode.STREAM
                ? TwitterCredentials.find().<Validation<Seq<Rejection>, TwitterStreamSettings>>fold(
                        missing -> Validation.invalid(List.of(missing)),
                        credentials -> TwitterStreamSettings.of(credentials, options.streamBaseUrl(),
                                options.record())).map(Option::some)
                : Validation.valid(Option.none());
        Seq<Rejection> problems = List.<Rejection>empty()
                .appendAll(filter.fold(errors -> errors, ok -> List.empty()))
                .appendAll(replay.fold(errors -> errors, ok -> List.empty()))
                .appendAll(twitter.fold(errors -> errors, ok -> List.empty()))
                .appendAll(List.of(relay.swap(), spark.swap()).flatMap(Either::toOption));
        if (problems.nonEmpty()) {
            return Validation.invalid(problems);
        }
        return Validation.valid(new PipelineConfig(options.mode(), filter.get(), options.source(), replay.get(),
                twitter.get(), relay.get(), spark.get(), options.runFor()));
    }

    /**
     * The stream's settings: the relay (or relays) it reads, its Spark master and batches, rate and recovery. Spark's
     * backpressure is set either way, on unless the user turned it off.
     */
    private static Either<Rejection, SparkSettings> spark(Options options) {
        Either<Rejection, SparkSettings> spark = SparkSettings.of(options.master(), options.batchInterval(),
                options.host(), options.port(), options.maxFrameBytes());
        if (options.relays().nonEmpty()) {
            spark = spark.flatMap(s -> s.withRelays(options.relays()
                    .map(relay -> new SparkSettings.Relay(relay.host(), relay.port()))));
        }
        if (options.maxRate().isDefined()) {
            spark = spark.flatMap(s -> s.withMaxRate(options.maxRate().get()));
        }
        spark = spark.flatMap(s -> s.withBackpressure(options.backpressure()));
        if (options.checkpoint().isDefined()) {
            spark = spark.flatMap(s -> s.withCheckpoint(options.checkpoint().get()));
        }
        return spark;
    }
}
