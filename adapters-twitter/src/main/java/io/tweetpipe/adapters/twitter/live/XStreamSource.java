package io.tweetpipe.adapters.twitter.live;

import static io.tweetpipe.adapters.twitter.live.LiveLoop.human;
import static io.tweetpipe.adapters.twitter.live.LiveLoop.rootMessage;

import io.tweetpipe.adapters.twitter.json.TwitterJson;
import io.tweetpipe.adapters.twitter.v2.V2Messages;
import io.tweetpipe.adapters.twitter.v2.V2Rules;
import io.tweetpipe.application.port.out.TweetSource;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.TrackFilter;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * X's v2 filtered stream ({@code GET /2/tweets/search/stream}), with the JDK's HTTP client and an app's bearer token.
 *
 * <p>The track filter becomes stream rules ({@link V2Rules}), set through the rules endpoint before the first
 * connection and removed when the source stops, so the app's rules are left as they were found ({@link XRules}). The
 * stream is asked for the fields a record needs ({@link V2Messages#TWEET_FIELDS}, the author expanded for its
 * username); each line goes through {@link V2Messages}, the mapping the replay uses, and is written to the recording
 * as received. A post is handed on only if it matched one of this run's rules.
 *
 * <p>Reconnection follows X's documented rules, as the v1.1 source does ({@link ReconnectPolicy}): at once after a
 * connection that worked drops, or after an operational-disconnect message (X then closes the stream); network errors
 * 250 ms more a try up to 16 s; HTTP errors 5 s doubling up to 320 s; 429 one minute doubling, and never before the
 * limit resets ({@code x-rate-limit-reset}). A connection silent for the stall timeout (no post, no keep-alive) is
 * closed and reopened at once. 401 (the token), 403 (the access level), 404 (the URL) and 400 stop the source with a
 * sentence saying what to fix. The token is sent in a header and masked in everything logged or handed on.
 */
public final class XStreamSource implements TweetSource {

    private static final System.Logger LOG = System.getLogger(XStreamSource.class.getName());
    private static final long LONGEST_WATCH_MILLIS = 1000;
    /** A line longer than this is no post X sends; it is skipped, not held. */
    private static final int LONGEST_LINE = 16 * 1024 * 1024;

    private final XStreamSettings settings;
    private final Sleeper sleeper;
    private final Clock clock;
    private final HttpClient http;
    private final LiveLoop loop;
    private final AtomicLong foreign = new AtomicLong();

    public XStreamSource(XStreamSettings settings) {
        this(settings, Sleeper.REAL, Clock.systemUTC());
    }

    XStreamSource(XStreamSettings settings, Sleeper sleeper, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.loop = new LiveLoop(LOG, sleeper);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Counts since this source was made; safe to read from any thread. */
    public LiveFigures figures() {
        return loop.figures();
    }

    /** Posts the stream sent for another tool's rules on the same app, not handed on. */
    public long foreignPosts() {
        return foreign.get();
    }

    /**
     * Streams until interrupted (the stream never ends by itself) or until X refuses in a way only a person can fix
     * (left, saying what to fix). Rules that do not fit and a recording that cannot be opened are refused before any
     * request.
     */
    @Override
    public Either<Rejection, Long> stream(TrackFilter filter, Consumer<StreamMessage> listener)
            throws InterruptedException {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(listener, "listener");
        Either<Rejection, Seq<String>> wanted = V2Rules.of(filter, settings.maxRuleLength());
        if (wanted.isLeft()) {
            return Either.left(wanted.getLeft());
        }
        Either<Rejection, Recording> opened = Recording.open(settings.recording());
        if (opened.isLeft()) {
            return Either.left(opened.getLeft());
        }
        Recording recording = opened.get();
        PendingMessages messages = loop.start(settings.pendingCapacity());
        Backoff backoff = new Backoff(settings.reconnect());
        XRules.Requests requests = new XRules.Requests(http, settings.rulesUrl(), settings.token(),
                settings.connectTimeout());
        long watchMillis = Math.max(10, Math.min(LONGEST_WATCH_MILLIS, settings.stallTimeout().toMillis() / 4));
        XRules rules = null;
        try {
            while (rules == null) {
                try {
                    Either<Rejection, XRules> set = XRules.apply(requests, wanted.get());
                    if (set.isLeft()) {
                        LOG.log(Level.ERROR, set.getLeft().reason());
                        return Either.left(set.getLeft());
                    }
                    rules = set.get();
                } catch (IOException e) {
                    loop.failed();
                    Either<Rejection, Duration> wait = waitAfter(e, false, backoff, settings.rulesUrl());
                    if (wait.isLeft()) {
                        LOG.log(Level.ERROR, wait.getLeft().reason());
                        return Either.left(wait.getLeft());
                    }
                    LOG.log(Level.WARNING, describe(e, false, settings.rulesUrl()) + "; trying again in "
                            + human(wait.get()));
                    sleeper.sleep(wait.get());
                }
            }
            LOG.log(Level.INFO, "streaming from " + settings.streamUrl()
                    + settings.recording().map(file -> ", recording to " + file).getOrElse(""));
            XRules set = rules;
            return Either.left(loop.run(messages, listener, watchMillis,
                    number -> new Connection(number, messages, recording, set),
                    ended -> waitAfter(ended.cause(), ended.established(), backoff, settings.streamUrl()),
                    ended -> describe(ended.cause(), ended.established(), settings.streamUrl())));
        } finally {
            recording.close();
            if (rules != null) {
                removeEvenIfInterrupted(rules);
            }
            LOG.log(Level.DEBUG, () -> "stream from " + settings.streamUrl() + " ended after " + loop.handedOn()
                    + " messages; " + figures() + ", other rules' posts " + foreign.get());
        }
    }

    /** The rules go even when the source stops by an interrupt, which would otherwise cancel the request at once. */
    private static void removeEvenIfInterrupted(XRules rules) {
        boolean interrupted = Thread.interrupted();
        try {
            rules.remove();
        } finally {
            if (interrupted || Thread.interrupted()) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Left when only a person can fix it; else how long to wait before the next attempt. */
    private Either<Rejection, Duration> waitAfter(Throwable cause, boolean established, Backoff backoff,
                                                  String url) {
        if (cause instanceof HttpRefusal refusal) {
            String says = refusal.problem.map(problem -> " (X says: " + problem + ")").getOrElse("");
            return switch (refusal.status) {
                case 401 -> refuse("X refused the bearer token (HTTP 401 Unauthorized) at " + url + says + ": set "
                        + BearerToken.VARIABLE + " to the bearer token of an app in your Project (developer.x.com, "
                        + "Keys and tokens); regenerating it there invalidates the old one");
                case 403 -> refuse("X refused access (HTTP 403 Forbidden) at " + url + says + ": the filtered "
                        + "stream needs an app in a Project with the Pro or Enterprise access level (Free and "
                        + "Basic cannot use it); or replay a recording instead");
                case 404 -> refuse("there is no filtered stream at " + url + " (HTTP 404 Not Found): check the API "
                        + "base URL (X's is " + XStreamSettings.X_API_BASE_URL + ")");
                case 400 -> refuse("X refused the request (HTTP 400 Bad Request) at " + url + says);
                case 429 -> Either.right(backoff.afterRateLimit(refusal.rateLimitReset
                        .map(reset -> Duration.between(clock.instant(), reset))
                        .filter(until -> !until.isNegative())
                        .getOrElse(Duration.ZERO)));
                default -> Either.right(backoff.after(Backoff.Failure.HTTP));
            };
        }
        return Either.right(backoff.after(established ? Backoff.Failure.DROPPED : Backoff.Failure.NETWORK));
    }

    private Either<Rejection, Duration> refuse(String reason) {
        return Either.left(Rejection.of("x", settings.token().masked(reason)));
    }

    private String describe(Throwable cause, boolean established, String url) {
        String text;
        if (cause instanceof HttpRefusal refusal) {
            text = "HTTP " + refusal.status + " from " + url + refusal.problem.map(p -> " (" + p + ")").getOrElse("")
                    + refusal.rateLimitReset.map(reset -> ", rate limit resets at " + reset).getOrElse("");
        } else if (cause instanceof SocketTimeoutException) {
            text = "the stream stalled: nothing, not even a keep-alive, for " + human(settings.stallTimeout());
        } else if (cause instanceof Disconnected disconnected) {
            text = disconnected.getMessage();
        } else if (cause instanceof HttpTimeoutException) {
            text = "no answer from " + url + " within " + human(settings.connectTimeout());
        } else {
            text = established
                    ? "the connection dropped (" + rootMessage(cause) + ")"
                    : "could not connect to " + url + " (" + rootMessage(cause) + ")";
        }
        return settings.token().masked(text);
    }

    /** The stream ended in a way that says the next connection may start at once: X closed it, or it ended. */
    private static final class Disconnected extends EOFException {
        private static final long serialVersionUID = 1L;

        Disconnected(String message) {
            super(message);
        }
    }

    /**
     * One request to the stream; its first failure ends it. The body is read as it arrives, on the HTTP client's
     * threads, one line at a time: every line received before a failure is handed on before the failure is.
     */
    private final class Connection extends LiveLoop.Connection {

        private final XRules rules;
        private final CompletableFuture<HttpResponse<Void>> response;
        private volatile Flow.Subscription subscription;
        private volatile long lastHeardNanos = System.nanoTime();

        Connection(long number, PendingMessages messages, Recording recording, XRules rules) {
            super(number, messages, recording);
            this.rules = rules;
            HttpRequest request = HttpRequest.newBuilder(URI.create(settings.streamUrl()
                            + "?tweet.fields=" + V2Messages.TWEET_FIELDS + "&expansions=" + V2Messages.EXPANSIONS))
                    .timeout(settings.connectTimeout())
                    .header("Authorization", "Bearer " + settings.token().value())
                    .header("User-Agent", "tweetpipe")
                    .GET().build();
            this.response = http.sendAsync(request, this::body);
            response.whenComplete((answered, failure) -> end(failure == null ? new Disconnected("the stream ended")
                    : failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                    : failure));
        }

        /** At the response's headers: a refusal is read whole and ends the connection; a stream is read by line. */
        private HttpResponse.BodySubscriber<Void> body(HttpResponse.ResponseInfo info) {
            if (info.statusCode() != 200) {
                return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofString(
                        StandardCharsets.UTF_8), problem -> {
                            end(XRules.refusal(info.statusCode(), problem, info.headers(), settings.token()));
                            return null;
                        });
            }
            loop.connected();
            lastHeardNanos = System.nanoTime();
            LOG.log(Level.INFO, () -> "connected to " + settings.streamUrl());
            return HttpResponse.BodySubscribers.fromSubscriber(new Lines());
        }

        /** The body cut into lines at each LF (a CR before it dropped), each decoded as UTF-8. */
        private final class Lines implements Flow.Subscriber<List<ByteBuffer>> {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();
            private boolean overlong;

            @Override
            public void onSubscribe(Flow.Subscription given) {
                subscription = given;
                if (closed.get()) {
                    given.cancel();
                } else {
                    given.request(Long.MAX_VALUE);
                }
            }

            @Override
            public void onNext(List<ByteBuffer> buffers) {
                lastHeardNanos = System.nanoTime();
                established = true;
                for (ByteBuffer buffer : buffers) {
                    while (buffer.hasRemaining() && !closed.get()) {
                        byte b = buffer.get();
                        if (b == '\n') {
                            String text = line.toString(StandardCharsets.UTF_8);
                            line.reset();
                            if (overlong) {
                                overlong = false;
                                handle(new V2Messages.Read(TwitterJson.malformed("a line longer than "
                                        + LONGEST_LINE / (1024 * 1024) + " MiB, not read"),
                                        io.vavr.collection.List.empty()));
                            } else {
                                line(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
                            }
                        } else if (line.size() < LONGEST_LINE) {
                            line.write(b);
                        } else {
                            overlong = true;
                        }
                    }
                }
            }

            @Override
            public void onError(Throwable failure) {
                end(failure);
            }

            @Override
            public void onComplete() {
                end(new Disconnected("the stream ended"));
            }
        }

        private void line(String line) {
            if (closed.get() || TwitterJson.isKeepAlive(line)) {
                return;
            }
            recording.write(line);
            handle(V2Messages.read(line));
        }

        private void handle(V2Messages.Read read) {
            if (!rules.matches(read.matchingRules())) {
                if (foreign.incrementAndGet() == 1) {
                    LOG.log(Level.INFO, "the stream also carries posts of another tool's rules on this app; only "
                            + "this run's are handed on");
                }
                return;
            }
            StreamMessage message = masked(read.message());
            loop.offer(messages, message);
            if (message instanceof StreamMessage.Notice notice) {
                if (notice.kind() == StreamMessage.Notice.Kind.DISCONNECT) {
                    end(new Disconnected("X is closing the stream for operational reasons (" + notice.text() + ")"));
                } else {
                    LOG.log(Level.WARNING, "X says in the stream: " + notice.text());
                }
            }
        }

        /** Texts an endpoint sent, in malformed lines and notices, with the token masked. */
        private StreamMessage masked(StreamMessage message) {
            if (message instanceof StreamMessage.Malformed malformed) {
                return new StreamMessage.Malformed(Rejection.of(malformed.rejection().subject(),
                        settings.token().masked(malformed.rejection().reason())));
            }
            if (message instanceof StreamMessage.Notice notice) {
                return new StreamMessage.Notice(notice.kind(), settings.token().masked(notice.text()));
            }
            return message;
        }

        /** A connection silent for the stall timeout is over. */
        @Override
        void watch() {
            if (System.nanoTime() - lastHeardNanos > settings.stallTimeout().toNanos()) {
                end(new SocketTimeoutException("stalled"));
            }
        }

        /** Cancels the request, or the stream if it is open: the client closes the connection. */
        @Override
        void close() {
            if (closed.compareAndSet(false, true)) {
                ended.set(true);
                response.cancel(true);
                Flow.Subscription open = subscription;
                if (open != null) {
                    open.cancel();
                }
            }
        }
    }
}
