package io.tweetpipe.adapters.twitter.live;

import static io.tweetpipe.adapters.twitter.live.LiveLoop.human;
import static io.tweetpipe.adapters.twitter.live.LiveLoop.rootMessage;

import io.tweetpipe.adapters.twitter.v1.Twitter4jLogging;
import io.tweetpipe.adapters.twitter.v1.V1Messages;
import io.tweetpipe.application.port.out.TweetSource;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.Language;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.TrackFilter;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import twitter4j.ConnectionLifeCycleListener;
import twitter4j.FilterQuery;
import twitter4j.RawStreamListener;
import twitter4j.StallWarning;
import twitter4j.Status;
import twitter4j.StatusDeletionNotice;
import twitter4j.StatusListener;
import twitter4j.TwitterException;
import twitter4j.TwitterStream;
import twitter4j.TwitterStreamFactory;
import twitter4j.conf.Configuration;
import twitter4j.conf.ConfigurationBuilder;

/**
 * Twitter's v1.1 filtered stream (or any endpoint that speaks it) through twitter4j-stream 4.0.7.
 *
 * <p>twitter4j makes the connection, signs it, reads the lines and runs its stream thread; each raw line goes through
 * {@link V1Messages}, the mapping the replay source uses, and is written to the recording as received. What twitter4j
 * decides on its own is taken back: its loop retries with waits that are not Twitter's documented ones (250 ms doubling
 * after a drop, 10 s doubling on HTTP errors, nothing special for 420), retries 401 for ever, and stops for good on 403,
 * 406 and unexpected exceptions. So every twitter4j stream here lives for one connection: the first failure it reports
 * ends it, and this source decides, by {@link ReconnectPolicy}, whether to wait and open a new one or to stop with a
 * message saying what to fix (401, 403, 404, 406, 413, 416).
 *
 * <p>Messages travel from twitter4j's thread to the caller's through {@link PendingMessages}, where a delete notice
 * withdraws its status if that has not been handed on yet and repeated statuses are dropped. A connection silent for
 * the stall timeout (no message, no keep-alive) is closed by twitter4j's read timeout and reopened at once.
 */
public final class TwitterStreamSource implements TweetSource {

    static {
        Twitter4jLogging.install();
    }

    private static final System.Logger LOG = System.getLogger(TwitterStreamSource.class.getName());
    private static final long WATCH_MILLIS = 1000;
    private static final AtomicBoolean FOREIGN_DISPATCHER_REPORTED = new AtomicBoolean();

    private final TwitterStreamSettings settings;
    private final LiveLoop loop;

    public TwitterStreamSource(TwitterStreamSettings settings) {
        this(settings, Sleeper.REAL);
    }

    TwitterStreamSource(TwitterStreamSettings settings, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.loop = new LiveLoop(LOG, Objects.requireNonNull(sleeper, "sleeper"));
        settings.credentials().secrets().forEach(Twitter4jLogging::mask);
    }

    /** Counts since this source was made; safe to read from any thread. */
    public LiveFigures figures() {
        return loop.figures();
    }

    /**
     * Streams until interrupted (the live stream never ends by itself) or until the endpoint refuses in a way only a
     * person can fix (left, saying what to fix). A recording that cannot be opened is refused before connecting.
     */
    @Override
    public Either<Rejection, Long> stream(TrackFilter filter, Consumer<StreamMessage> listener)
            throws InterruptedException {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(listener, "listener");
        Either<Rejection, Recording> opened = Recording.open(settings.recording());
        if (opened.isLeft()) {
            return Either.left(opened.getLeft());
        }
        Recording recording = opened.get();
        PendingMessages messages = loop.start(settings.pendingCapacity());
        Backoff backoff = new Backoff(settings.reconnect());
        Configuration configuration = configuration();
        FilterQuery query = query(filter);
        LOG.log(Level.INFO, () -> "streaming from " + settings.filterUrl() + ", tracking "
                + filter.phrases().mkString(", ")
                + (filter.languages().isEmpty() ? "" : " in " + filter.languages().map(Language::code).mkString(", "))
                + settings.recording().map(file -> ", recording to " + file).getOrElse(""));
        try {
            return Either.left(loop.run(messages, listener, WATCH_MILLIS,
                    number -> new Connection(number, configuration, query, messages, recording),
                    ended -> classify(ended).map(backoff::after), this::describe));
        } finally {
            recording.close();
            LOG.log(Level.DEBUG, () -> "stream from " + settings.filterUrl() + " ended after " + loop.handedOn()
                    + " messages; " + figures());
        }
    }

    private Configuration configuration() {
        TwitterCredentials credentials = settings.credentials();
        return new ConfigurationBuilder()
                .setDebugEnabled(false)
                .setOAuthConsumerKey(credentials.consumerKey())
                .setOAuthConsumerSecret(credentials.consumerSecret())
                .setOAuthAccessToken(credentials.accessToken())
                .setOAuthAccessTokenSecret(credentials.accessTokenSecret())
                .setStreamBaseURL(settings.streamBaseUrl())
                .setHttpStreamingReadTimeout(millis(settings.stallTimeout()))
                .setHttpConnectionTimeout(millis(settings.connectTimeout()))
                .setHttpRetryCount(0)
                .setDispatcherImpl(CallerRunsDispatcher.class.getName())
                .setDaemonEnabled(true)
                .setJSONStoreEnabled(false)
                // A gzip stream holds lines back until a block fills; a quiet filter would look stalled.
                .setGZIPEnabled(false)
                .build();
    }

    private static FilterQuery query(TrackFilter filter) {
        FilterQuery query = new FilterQuery().track(filter.phrases().toJavaArray(String[]::new));
        if (!filter.languages().isEmpty()) {
            query.language(filter.languages().map(Language::code).toJavaArray(String[]::new));
        }
        return query;
    }

    /** Left when only a person can fix it; else the kind of wait before the next attempt. */
    private Either<Rejection, Backoff.Failure> classify(PendingMessages.Ended ended) {
        Option<Integer> httpStatus = httpStatus(ended.cause());
        if (httpStatus.isDefined()) {
            int status = httpStatus.get();
            return switch (status) {
                case 401 -> refuse("the endpoint refused the credentials (HTTP 401 Unauthorized) at "
                        + settings.filterUrl() + ": check " + TwitterCredentials.CONSUMER_KEY + ", "
                        + TwitterCredentials.CONSUMER_SECRET + ", " + TwitterCredentials.ACCESS_TOKEN + " and "
                        + TwitterCredentials.ACCESS_TOKEN_SECRET + " (or oauth.* in twitter4j.properties), that the "
                        + "app may use this endpoint, and that this machine's clock is right (OAuth signatures expire)");
                case 403 -> refuse("the endpoint refused access (HTTP 403 Forbidden) at " + settings.filterUrl()
                        + ": these credentials may not use this stream");
                case 404 -> refuse("there is no stream at " + settings.filterUrl()
                        + " (HTTP 404 Not Found): check the stream base URL");
                case 406 -> refuse("the endpoint refused the filter (HTTP 406 Not Acceptable): check the keywords "
                        + "(1 to " + TrackFilter.MAX_PHRASES + ", each at most " + TrackFilter.MAX_PHRASE_BYTES
                        + " bytes) and the language codes");
                case 413 -> refuse("the filter is too long for the endpoint (HTTP 413): track fewer keywords");
                case 416 -> refuse("the endpoint refused the request (HTTP 416 Range Unacceptable)");
                case 420, 429 -> Either.right(Backoff.Failure.RATE_LIMITED);
                default -> Either.right(Backoff.Failure.HTTP);
            };
        }
        return Either.right(ended.established() ? Backoff.Failure.DROPPED : Backoff.Failure.NETWORK);
    }

    private static final java.util.regex.Pattern JDK_HTTP_STATUS =
            java.util.regex.Pattern.compile("Server returned HTTP response code: (\\d{3})");

    /**
     * The HTTP status the endpoint answered, if it answered one. twitter4j knows it only when the answer had a body;
     * for an empty one (a bare 401, say) it leaves -1 and the JDK's IOException says the status in its message.
     */
    private static Option<Integer> httpStatus(Throwable failure) {
        if (failure instanceof TwitterException twitter && twitter.getStatusCode() > 0) {
            return Option.some(twitter.getStatusCode());
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            java.util.regex.Matcher status = JDK_HTTP_STATUS.matcher(String.valueOf(cause.getMessage()));
            if (status.find()) {
                return Option.some(Integer.parseInt(status.group(1)));
            }
        }
        return Option.none();
    }

    private static Either<Rejection, Backoff.Failure> refuse(String reason) {
        return Either.left(Rejection.of("twitter", reason));
    }

    private String describe(PendingMessages.Ended ended) {
        Throwable cause = ended.cause();
        Option<Integer> httpStatus = httpStatus(cause);
        if (httpStatus.isDefined()) {
            return "HTTP " + httpStatus.get() + " from " + settings.filterUrl();
        }
        if (!(cause instanceof TwitterException)) {
            return "twitter4j's stream loop stopped (" + rootMessage(cause) + ")";
        }
        if (ended.established() && causedBy(cause, SocketTimeoutException.class)) {
            return "the connection stalled: nothing, not even a keep-alive, for " + human(settings.stallTimeout());
        }
        return ended.established()
                ? "the connection dropped (" + rootMessage(cause) + ")"
                : "could not connect to " + settings.filterUrl() + " (" + rootMessage(cause) + ")";
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    /** One twitter4j stream, for one connection: its first failure ends it. */
    private final class Connection extends LiveLoop.Connection
            implements RawStreamListener, StatusListener, ConnectionLifeCycleListener {

        private final TwitterStream stream;
        private volatile boolean silenced;
        private volatile Thread consumer;

        Connection(long number, Configuration configuration, FilterQuery query, PendingMessages messages,
                   Recording recording) {
            super(number, messages, recording);
            this.stream = new TwitterStreamFactory(configuration).getInstance();
            stream.addListener(this);
            stream.addConnectionLifeCycleListener(this);
            stream.filter(query);
        }

        @Override
        public void onMessage(String raw) {
            if (silenced || closed.get()) {
                return;
            }
            if (!CallerRunsDispatcher.dispatching() && FOREIGN_DISPATCHER_REPORTED.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "twitter4j delivers messages on its own threads (another twitter4j user in "
                        + "this process chose its dispatcher); messages may be lost around reconnections");
            }
            established = true;
            if (V1Messages.isKeepAlive(raw)) {
                return;
            }
            recording.write(raw);
            StreamMessage message = V1Messages.read(raw);
            report(message);
            loop.offer(messages, message);
        }

        private void report(StreamMessage message) {
            if (message instanceof StreamMessage.Notice notice) {
                switch (notice.kind()) {
                    case STALL_WARNING -> LOG.log(Level.WARNING, "stall warning from the stream: " + notice.text());
                    case DISCONNECT -> LOG.log(Level.WARNING, "disconnect message from the stream: " + notice.text());
                    default -> LOG.log(Level.DEBUG, () -> "ignored: " + notice.text());
                }
            } else if (message instanceof StreamMessage.Limit limit) {
                LOG.log(Level.DEBUG, () -> "the stream has withheld " + limit.undelivered()
                        + " matching tweets on this connection");
            }
        }

        @Override
        public void onException(Exception e) {
            if (CallerRunsDispatcher.dispatching()) {
                // twitter4j's own reading of one message failed; the raw line has already been read and reported.
                LOG.log(Level.TRACE, () -> "twitter4j could not read a message: " + rootMessage(e));
                return;
            }
            consumer = Thread.currentThread();
            end(e);
        }

        @Override
        public void onConnect() {
            consumer = Thread.currentThread();
            loop.connected();
            LOG.log(Level.INFO, () -> "connected to " + settings.filterUrl());
        }

        @Override
        public void onDisconnect() {
            // The failure that caused it has been, or is about to be, reported through onException.
        }

        @Override
        public void onCleanUp() {
            end(new IllegalStateException("twitter4j's stream loop ended by itself"));
        }

        /** If twitter4j's thread died without a word, this connection is over all the same. */
        @Override
        void watch() {
            Thread thread = consumer;
            if (thread != null && !thread.isAlive()) {
                end(new IllegalStateException("twitter4j's stream thread died"));
            }
        }

        @Override
        void close() {
            if (closed.compareAndSet(false, true)) {
                Try.run(stream::shutdown)
                        .onFailure(e -> LOG.log(Level.DEBUG, () -> "closing twitter4j's stream: " + rootMessage(e)));
            }
        }

        /**
         * Closes without waiting: twitter4j's close waits for a read in progress to return, which on a quiet stream
         * can take until the next keep-alive.
         */
        @Override
        void stop() {
            silenced = true;
            ended.set(true);
            if (closed.get()) {
                return;
            }
            Thread closer = new Thread(this::close, "tweetpipe-twitter-close-" + number);
            closer.setDaemon(true);
            closer.start();
        }

        @Override
        public void onStatus(Status status) {
            // Read from the raw line instead, like every other message.
        }

        @Override
        public void onDeletionNotice(StatusDeletionNotice notice) {
            // Read from the raw line.
        }

        @Override
        public void onTrackLimitationNotice(int undelivered) {
            // Read from the raw line.
        }

        @Override
        public void onScrubGeo(long userId, long upToStatusId) {
            // Not a message tweetpipe uses.
        }

        @Override
        public void onStallWarning(StallWarning warning) {
            // Read from the raw line.
        }
    }
}
