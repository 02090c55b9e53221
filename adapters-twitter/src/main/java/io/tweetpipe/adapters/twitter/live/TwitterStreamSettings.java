package io.tweetpipe.adapters.twitter.live;

import io.tweetpipe.domain.Rejection;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the live source connects.
 *
 * @param credentials OAuth credentials, from the environment or {@code twitter4j.properties}
 * @param streamBaseUrl the v1.1 streaming API's base, ending in {@code /}; twitter4j posts the filter to
 *     {@code <base>statuses/filter.json}. Twitter's was {@value #TWITTER_STREAM_BASE_URL}; any endpoint that speaks
 *     the same protocol will do.
 * @param recording a file to append every raw message to, in the JSON-lines form the replay source reads
 * @param stallTimeout a connection that sends nothing, not even a keep-alive, for this long is stalled and reopened;
 *     Twitter sends a keep-alive every 30 s and asks clients to wait 90 s
 * @param connectTimeout how long to wait for an endpoint to accept a connection
 * @param reconnect how long to wait between attempts
 * @param pendingCapacity how many received messages may wait for a slow listener before new ones are dropped
 */
public record TwitterStreamSettings(TwitterCredentials credentials, String streamBaseUrl, Option<Path> recording,
                                    Duration stallTimeout, Duration connectTimeout, ReconnectPolicy reconnect,
                                    int pendingCapacity) {

    public static final String TWITTER_STREAM_BASE_URL = "https://stream.twitter.com/1.1/";
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(90);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(20);
    public static final int DEFAULT_PENDING_CAPACITY = 10_000;

    public TwitterStreamSettings {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(reconnect, "reconnect");
        if (urlProblem(streamBaseUrl).isDefined() || !streamBaseUrl.endsWith("/")) {
            throw new IllegalArgumentException("not a stream base URL ending in /: " + streamBaseUrl);
        }
        if (stallTimeout == null || stallTimeout.isNegative() || stallTimeout.isZero()
                || connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (pendingCapacity < 1) {
            throw new IllegalArgumentException("pendingCapacity must be positive");
        }
    }

    /**
     * Settings with the documented defaults, checking what a user gives: the base URL (http or https, a host, no
     * credentials in it; a missing final {@code /} is added) and that the recording's directory exists.
     */
    public static Validation<Seq<Rejection>, TwitterStreamSettings> of(TwitterCredentials credentials,
                                                                      Option<String> streamBaseUrl,
                                                                      Option<Path> recording) {
        return of(Either.right(credentials), streamBaseUrl, recording);
    }

    /** The same, with credentials that may be missing: every problem is reported at once, theirs too. */
    public static Validation<Seq<Rejection>, TwitterStreamSettings> of(Either<Rejection, TwitterCredentials> found,
                                                                      Option<String> streamBaseUrl,
                                                                      Option<Path> recording) {
        String base = streamBaseUrl.map(String::strip).getOrElse(TWITTER_STREAM_BASE_URL);
        String normalised = base.endsWith("/") ? base : base + "/";
        Seq<Rejection> problems = List.<Rejection>empty()
                .appendAll(found.swap())
                .appendAll(urlProblem(base))
                .appendAll(recording.flatMap(TwitterStreamSettings::recordingProblem));
        return problems.isEmpty()
                ? Validation.valid(new TwitterStreamSettings(found.get(), normalised, recording,
                        DEFAULT_STALL_TIMEOUT, DEFAULT_CONNECT_TIMEOUT, ReconnectPolicy.TWITTER,
                        DEFAULT_PENDING_CAPACITY))
                : Validation.invalid(problems);
    }

    /** Where twitter4j will post the filter. */
    public String filterUrl() {
        return streamBaseUrl + "statuses/filter.json";
    }

    private static Option<Rejection> urlProblem(String url) {
        return urlProblem(url, TWITTER_STREAM_BASE_URL);
    }

    /** What is wrong with a base URL a user gave, if anything; {@code example} shows a right one. */
    static Option<Rejection> urlProblem(String url, String example) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url);
        } catch (java.net.URISyntaxException e) {
            return Option.some(Rejection.of("stream URL", shown(url) + " is not a URL"));
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            return Option.some(Rejection.of("stream URL",
                    shown(url) + " is not an http(s) URL with a host, like " + example));
        }
        if (uri.getRawUserInfo() != null) {
            return Option.some(Rejection.of("stream URL",
                    "the stream URL must not carry credentials; set them in the environment"));
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Option.some(Rejection.of("stream URL", "the stream base URL takes no query or fragment"));
        }
        return Option.none();
    }

    /** The URL for a message, unless it might carry a password. */
    private static String shown(String url) {
        return url == null ? "no URL" : url.contains("@") ? "the stream URL" : "'" + url + "'";
    }

    static Option<Rejection> recordingProblem(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            return Option.some(Rejection.of("recording", "the directory " + parent + " does not exist"));
        }
        if (Files.isDirectory(file)) {
            return Option.some(Rejection.of("recording", file + " is a directory, not a file"));
        }
        return Option.none();
    }
}
