package io.tweetpipe.adapters.twitter.replay;

import io.tweetpipe.adapters.twitter.v1.SeenStatuses;
import io.tweetpipe.adapters.twitter.v2.StreamLines;
import io.tweetpipe.application.port.out.TweetRecording;
import io.tweetpipe.application.port.out.TweetSource;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.TrackFilter;
import io.tweetpipe.domain.tweet.Tweet;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Replays a recording of Twitter's v1.1 or X's v2 filtered stream (JSON lines) as if it were live: every line read
 * with the mapping of its API ({@link StreamLines}: {@code V1Messages} or {@code V2Messages}, as the live sources read
 * them); statuses filtered as Twitter filters server-side
 * ({@link TrackFilter#matches}); matching tweets paced at the settings' rate; notices, deletions and malformed lines
 * handed on as they come, counted by the listener and never fatal. Blank lines (keep-alives) are skipped. Within one
 * pass a status is handed on at most once and never after its delete notice ({@link SeenStatuses}), as the live
 * source does, so a recording replays to what the live run handed on.
 *
 * <p>Read as a {@link TweetRecording} (to learn from), one pass hands on every status, unfiltered and unpaced, by the
 * same rules.
 *
 * <p>One interrupt of the thread that runs {@link #stream} stops it, wherever it is: that thread only waits for the
 * next parsed line, for the next turn and for the listener. Lines are read and parsed ahead on a thread of its own
 * ({@link ReadAhead}), so that reading a file or a pipe never holds it.
 */
public final class ReplayTweetSource implements TweetSource, TweetRecording {

    /** The bundled sample, next to this class: generated, not recorded, so no real person's post. */
    public static final String BUNDLED_SAMPLE = "sample-tweets.jsonl";

    /** A looping replay whose file has no matching tweet waits this long between passes instead of spinning. */
    static final long EMPTY_PASS_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final System.Logger LOG = System.getLogger(ReplayTweetSource.class.getName());

    private final ReplaySettings settings;
    private final Ticker ticker;
    private final Supplier<Either<Rejection, InputStream>> input;
    private final AtomicLong bytesRead = new AtomicLong();
    private volatile long passes;
    private volatile Option<Long> bytesTotal = Option.none();

    public ReplayTweetSource(ReplaySettings settings) {
        this(settings, Ticker.SYSTEM);
    }

    ReplayTweetSource(ReplaySettings settings, Ticker ticker) {
        this(settings, ticker, () -> open(settings));
    }

    /** @param input opens what one pass reads; tests give a stream they control instead of the settings' file */
    ReplayTweetSource(ReplaySettings settings, Ticker ticker, Supplier<Either<Rejection, InputStream>> input) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.input = Objects.requireNonNull(input, "input");
    }

    /** How far the pass being replayed has read; safe to call from any thread. */
    public ReplayPosition position() {
        return new ReplayPosition(passes, bytesRead.get(), bytesTotal, settings.loop());
    }

    @Override
    public Either<Rejection, Long> stream(TrackFilter filter, Consumer<StreamMessage> listener)
            throws InterruptedException {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(listener, "listener");
        Pacer pacer = new Pacer(settings.rate(), ticker);
        long delivered = 0;
        while (true) {
            Either<Rejection, Pass> done = replayOnce(filter::matches, listener, pacer);
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

    @Override
    public Either<Rejection, Long> read(Consumer<Tweet> tweets) throws InterruptedException {
        Objects.requireNonNull(tweets, "tweets");
        Pacer flatOut = new Pacer(ReplaySettings.AS_FAST_AS_POSSIBLE, ticker);
        return replayOnce(tweet -> true, message -> {
            if (message instanceof StreamMessage.Status status) {
                tweets.accept(status.tweet());
            }
        }, flatOut).map(Pass::statuses);
    }

    private Either<Rejection, Pass> replayOnce(Predicate<Tweet> filter, Consumer<StreamMessage> listener,
                                               Pacer pacer) throws InterruptedException {
        Either<Rejection, InputStream> opened = input.get();
        if (opened.isLeft()) {
            return Either.left(opened.getLeft());
        }
        bytesRead.set(0);
        bytesTotal = settings.file().flatMap(file -> Try.of(() -> Files.size(file)).toOption());
        passes++;
        // This thread never reads the file: a read blocked in a pipe would hold the interrupt that stops it.
        try (ReadAhead lines = ReadAhead.start(counted(opened.get()), settings.describe())) {
            long delivered = 0;
            long statuses = 0;
            SeenStatuses seen = new SeenStatuses();
            while (true) {
                ReadAhead.Next next = lines.next();
                // A queue's take may return an element that arrived with the interrupt and leave the flag set.
                if (Thread.interrupted()) {
                    throw new InterruptedException("replay of " + settings.describe() + " interrupted");
                }
                if (next instanceof ReadAhead.Failed failed) {
                    return Either.left(failed.rejection());
                }
                if (!(next instanceof ReadAhead.Message read)) {
                    return Either.right(new Pass(delivered, statuses));
                }
                StreamMessage message = read.message();
                if (message instanceof StreamMessage.Status status && !filter.test(status.tweet())) {
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
        }
    }

    private InputStream counted(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bytesRead.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    bytesRead.addAndGet(n);
                }
                return n;
            }
        };
    }

    private static Either<Rejection, InputStream> open(ReplaySettings settings) {
        return settings.file().fold(ReplayTweetSource::openBundledSample, ReplayTweetSource::openFile);
    }

    private static Either<Rejection, InputStream> openFile(Path path) {
        Option<Rejection> problem = ReplaySettings.fileProblem(path);
        if (problem.isDefined()) {
            return Either.left(problem.get());
        }
        return Try.of(() -> Files.newInputStream(path)).toEither()
                .mapLeft(e -> Rejection.of("replay file", path + " cannot be opened: " + e.getMessage()));
    }

    private static Either<Rejection, InputStream> openBundledSample() {
        InputStream in = ReplayTweetSource.class.getResourceAsStream(BUNDLED_SAMPLE);
        return in == null
                ? Either.left(Rejection.of("replay file",
                        "the bundled sample " + BUNDLED_SAMPLE + " is missing from the classpath"))
                : Either.right(in);
    }
}
