package io.tweetpipe.adapters.twitter.replay;

import io.tweetpipe.adapters.twitter.v1.SeenStatuses;
import io.tweetpipe.adapters.twitter.v1.V1Messages;
import io.tweetpipe.application.port.out.TweetSource;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.TrackFilter;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Replays a recording of Twitter's v1.1 filtered stream (JSON lines) as if it were live: every line read with
 * {@link V1Messages}, the mapping the live source uses; statuses filtered as Twitter filters server-side
 * ({@link TrackFilter#matches}); matching tweets paced at the settings' rate; notices, deletions and malformed lines
 * handed on as they come, counted by the listener and never fatal. Blank lines (keep-alives) are skipped. Within one
 * pass a status is handed on at most once and never after its delete notice ({@link SeenStatuses}), as the live
 * source does, so a recording replays to what the live run handed on.
 */
public final class ReplayTweetSource implements TweetSource {

    /** The bundled sample, next to this class: generated, not recorded, so no real person's post. */
    public static final String BUNDLED_SAMPLE = "sample-tweets.jsonl";

    /** A looping replay whose file has no matching tweet waits this long between passes instead of spinning. */
    static final long EMPTY_PASS_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final System.Logger LOG = System.getLogger(ReplayTweetSource.class.getName());
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final ReplaySettings settings;
    private final Ticker ticker;

    public ReplayTweetSource(ReplaySettings settings) {
        this(settings, Ticker.SYSTEM);
    }

    ReplayTweetSource(ReplaySettings settings, Ticker ticker) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    @Override
    public Either<Rejection, Long> stream(TrackFilter filter, Consumer<StreamMessage> listener)
            throws InterruptedException {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(listener, "listener");
        Pacer pacer = new Pacer(settings.rate(), ticker);
        long delivered = 0;
        while (true) {
            Either<Rejection, Pass> done = replayOnce(filter, listener, pacer);
            if (done.isLeft()) {
                return Either.left(done.getLeft());
            }
            delivered += done.get().delivered();
            if (!settings.loop()) {
                return Either.right(delivered);
            }
            LOG.log(System.Logger.Level.DEBUG, () -> "replayed " + settings.describe() + " once more; starting again");
            if (done.get().statuses() == 0) {
                ticker.sleepNanos(EMPTY_PASS_PAUSE_NANOS);
            }
        }
    }

    private record Pass(long delivered, long statuses) {
    }

    private Either<Rejection, Pass> replayOnce(TrackFilter filter, Consumer<StreamMessage> listener, Pacer pacer)
            throws InterruptedException {
        Either<Rejection, BufferedReader> opened = open();
        if (opened.isLeft()) {
            return Either.left(opened.getLeft());
        }
        BufferedReader reader = opened.get();
        try {
            long delivered = 0;
            long statuses = 0;
            SeenStatuses seen = new SeenStatuses();
            for (long number = 1; ; number++) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("replay of " + settings.describe() + " interrupted");
                }
                Either<Rejection, String> next = Try.of(reader::readLine).toEither()
                        .mapLeft(e -> Rejection.of("replay file",
                                "reading " + settings.describe() + " failed: " + e.getMessage()));
                if (next.isLeft()) {
                    return Either.left(next.getLeft());
                }
                String line = next.get();
                if (line == null) {
                    return Either.right(new Pass(delivered, statuses));
                }
                if (number == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                    line = line.substring(1);
                }
                if (V1Messages.isKeepAlive(line)) {
                    continue;
                }
                StreamMessage message = located(V1Messages.read(line), number);
                if (message instanceof StreamMessage.Status status && !filter.matches(status.tweet())) {
                    continue;
                }
                if (seen.admit(message) != SeenStatuses.Verdict.HAND_ON) {
                    continue;
                }
                if (message instanceof StreamMessage.Status) {
                    pacer.awaitTurn();
                    statuses++;
                }
                listener.accept(message);
                delivered++;
            }
        } finally {
            Try.run(reader::close);
        }
    }

    private StreamMessage located(StreamMessage message, long lineNumber) {
        if (message instanceof StreamMessage.Malformed malformed) {
            return new StreamMessage.Malformed(Rejection.of(
                    "line " + lineNumber + " of " + settings.describe(), malformed.rejection().reason()));
        }
        return message;
    }

    private Either<Rejection, BufferedReader> open() {
        Either<Rejection, InputStream> stream = settings.file().fold(this::openBundledSample, this::openFile);
        return stream.map(in -> new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    }

    private Either<Rejection, InputStream> openFile(Path path) {
        Option<Rejection> problem = ReplaySettings.fileProblem(path);
        if (problem.isDefined()) {
            return Either.left(problem.get());
        }
        return Try.of(() -> Files.newInputStream(path)).toEither()
                .mapLeft(e -> Rejection.of("replay file", path + " cannot be opened: " + e.getMessage()));
    }

    private Either<Rejection, InputStream> openBundledSample() {
        InputStream in = ReplayTweetSource.class.getResourceAsStream(BUNDLED_SAMPLE);
        return in == null
                ? Either.left(Rejection.of("replay file",
                        "the bundled sample " + BUNDLED_SAMPLE + " is missing from the classpath"))
                : Either.right(in);
    }
}
