package io.tweetpipe.bootstrap.cli;

import io.tweetpipe.adapters.twitter.live.BearerToken;
import io.tweetpipe.adapters.twitter.live.TwitterCredentials;
import io.tweetpipe.adapters.twitter.live.TwitterStreamSettings;
import io.tweetpipe.adapters.twitter.live.XStreamSettings;
import io.tweetpipe.adapters.twitter.replay.ReplaySettings;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.bootstrap.config.PipelineConfig.SourceKind;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.framing.Wire;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.nio.file.Path;
import picocli.CommandLine;

/** Where the relay's tweets come from (demo and relay). */
final class SourceOptions {

    @CommandLine.Option(names = "--source", paramLabel = "replay|twitter|x", defaultValue = "replay",
            description = "where tweets come from: a recording, a Twitter v1.1-compatible endpoint, or X's v2 "
                    + "filtered stream (default: ${DEFAULT-VALUE})")
    SourceKind source;
    @CommandLine.Option(names = "--replay-file", paramLabel = "PATH",
            description = "Twitter v1.1 or X v2 JSON lines to replay, as --record writes them (default: the "
                    + "bundled sample)")
    Path replayFile;
    @CommandLine.Option(names = "--rate", paramLabel = "N", defaultValue = "100",
            description = "replayed messages per second, 0 = as fast as possible (default: ${DEFAULT-VALUE})")
    double rate;
    @CommandLine.Option(names = "--once", description = "replay the file once instead of looping")
    boolean once;
    @CommandLine.Option(names = "--record", paramLabel = "PATH",
            description = "with --source twitter or x: also write every raw message received to PATH (JSON lines)")
    Path record;
    @CommandLine.Option(names = "--stream-base-url", paramLabel = "URL",
            defaultValue = "${env:TWEETPIPE_STREAM_BASE_URL:-" + TwitterStreamSettings.TWITTER_STREAM_BASE_URL + "}",
            description = "with --source twitter: a Twitter-compatible v1.1 streaming endpoint (default: "
                    + "${DEFAULT-VALUE}; environment: TWEETPIPE_STREAM_BASE_URL); credentials come from the "
                    + "environment, never from flags: see the README")
    String streamBaseUrl;
    @CommandLine.Option(names = "--x-api-url", paramLabel = "URL",
            defaultValue = "${env:TWEETPIPE_X_API_URL:-" + XStreamSettings.X_API_BASE_URL + "}",
            description = "with --source x: X's v2 API, or an endpoint that speaks it (default: ${DEFAULT-VALUE}; "
                    + "environment: TWEETPIPE_X_API_URL); the bearer token comes from " + BearerToken.VARIABLE
                    + ", never from flags")
    String xApiUrl;

    @CommandLine.Option(names = "--wire", paramLabel = "text|structured", description = "what the relay sends: each "
            + "tweet's text, as the tutorial's relay does, or a structured record (id, time, language, author, "
            + "entities); default: text for the relay, structured in the demo")
    Wire wire;

    /** The tutorial's contract for the relay; both ends are ours in the demo. */
    Wire wire(PipelineConfig.Mode mode) {
        return wire != null ? wire : mode == PipelineConfig.Mode.DEMO ? Wire.STRUCTURED : Wire.TEXT;
    }

    Validation<Seq<Rejection>, ReplaySettings> replay() {
        return ReplaySettings.of(Option.of(replayFile), rate, !once);
    }

    /** The v1.1 source's settings, looked for only when asked for: credentials are needed for nothing else. */
    Validation<Seq<Rejection>, Option<TwitterStreamSettings>> twitter() {
        if (source == SourceKind.TWITTER) {
            return TwitterStreamSettings.of(TwitterCredentials.find(), Option.of(streamBaseUrl), Option.of(record))
                    .map(Option::some);
        }
        return record == null || source == SourceKind.X ? Validation.valid(Option.none()) : Validation.invalid(
                List.of(Rejection.of("--record", "records a live stream: use it with --source twitter or x")));
    }

    /** The X source's settings, likewise looked for only when asked for. */
    Validation<Seq<Rejection>, Option<XStreamSettings>> x() {
        return source == SourceKind.X
                ? XStreamSettings.of(BearerToken.find(), Option.of(xApiUrl), Option.of(record)).map(Option::some)
                : Validation.valid(Option.none());
    }
}
