package io.tweetpipe.adapters.twitter.live;

import io.tweetpipe.adapters.twitter.v2.V2Rules;
import io.tweetpipe.domain.Rejection;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the X (v2) source connects.
 *
 * @param token the app's bearer token, from the environment
 * @param apiBaseUrl the v2 API's base, ending in {@code /}: rules at {@code <base>tweets/search/stream/rules}, the
 *     stream at {@code <base>tweets/search/stream}. X's is {@value #X_API_BASE_URL}.
 * @param recording a file to append every raw line of the stream to, which the replay reads back
 * @param stallTimeout a connection that sends nothing, not even a keep-alive, for this long is stalled and reopened;
 *     X sends a keep-alive at least every 20 s
 * @param connectTimeout how long to wait for an endpoint to connect and answer
 * @param reconnect how long to wait between attempts; X asks what Twitter asked for v1.1
 * @param pendingCapacity how many received messages may wait for a slow listener before new ones are dropped
 * @param maxRuleLength the longest rule the app's access level takes (Pro: 1,024; Enterprise: 2,048)
 */
public record XStreamSettings(BearerToken token, String apiBaseUrl, Option<Path> recording, Duration stallTimeout,
                              Duration connectTimeout, ReconnectPolicy reconnect, int pendingCapacity,
                              int maxRuleLength) {

    public static final String X_API_BASE_URL = "https://api.x.com/2/";
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(30);

    public XStreamSettings {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(reconnect, "reconnect");
        if (apiBaseUrl == null || TwitterStreamSettings.urlProblem(apiBaseUrl, X_API_BASE_URL).isDefined()
                || !apiBaseUrl.endsWith("/")) {
            throw new IllegalArgumentException("not an API base URL ending in /: " + apiBaseUrl);
        }
        if (stallTimeout == null || stallTimeout.isNegative() || stallTimeout.isZero()
                || connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (pendingCapacity < 1 || maxRuleLength < 1) {
            throw new IllegalArgumentException("pendingCapacity and maxRuleLength must be positive");
        }
    }

    /**
     * Settings with the documented defaults, reporting every problem at once: a missing token, the base URL (http or
     * https, a host, no credentials in it; a missing final {@code /} is added), the recording's directory.
     */
    public static Validation<Seq<Rejection>, XStreamSettings> of(Either<Rejection, BearerToken> token,
                                                                Option<String> apiBaseUrl, Option<Path> recording) {
        String base = apiBaseUrl.map(String::strip).getOrElse(X_API_BASE_URL);
        Seq<Rejection> problems = List.<Rejection>empty()
                .appendAll(token.swap())
                .appendAll(TwitterStreamSettings.urlProblem(base, X_API_BASE_URL))
                .appendAll(recording.flatMap(TwitterStreamSettings::recordingProblem));
        return problems.isEmpty()
                ? Validation.valid(new XStreamSettings(token.get(), base.endsWith("/") ? base : base + "/", recording,
                        DEFAULT_STALL_TIMEOUT, TwitterStreamSettings.DEFAULT_CONNECT_TIMEOUT, ReconnectPolicy.TWITTER,
                        TwitterStreamSettings.DEFAULT_PENDING_CAPACITY, V2Rules.PRO_RULE_LENGTH))
                : Validation.invalid(problems);
    }

    public String streamUrl() {
        return apiBaseUrl + "tweets/search/stream";
    }

    public String rulesUrl() {
        return apiBaseUrl + "tweets/search/stream/rules";
    }
}
