package io.tweetpipe.adapters.twitter.live;

import io.tweetpipe.adapters.twitter.v1.V1Messages;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.TrackFilter;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A v1.1 streaming endpoint on loopback, speaking the filter protocol the way twitter4j expects it: a POST of the
 * filter form to {@code /1.1/statuses/filter.json}, answered with a chunked stream of JSON messages ({@link
 * LocalEndpoint}). It filters statuses server-side by the posted {@code track} and {@code language}, as Twitter does,
 * and is scripted connection by connection: each new connection takes the next {@link Plan}.
 */
final class LocalStreamingEndpoint extends LocalEndpoint<LocalStreamingEndpoint.Request> {

    static final String FILTER_PATH = "/1.1/statuses/filter.json";

    /** One request as the endpoint saw it. */
    record Request(String method, String path, Map<String, String> form, Map<String, String> headers) {
    }

    private LocalStreamingEndpoint() throws IOException {
        super("endpoint");
        listen();
    }

    static LocalStreamingEndpoint start() throws IOException {
        return new LocalStreamingEndpoint();
    }

    /** What to give twitter4j as its stream base URL. */
    String baseUrl() {
        return origin() + "/1.1/";
    }

    static Answer answer(int status, String reason) {
        return new Answer(status, reason, "{\"errors\":[{\"code\":" + status + ",\"message\":\"" + reason + "\"}]}");
    }

    @Override
    Request request(Received received) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : received.body().split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return new Request(received.method(), received.target(), form, received.headers());
    }

    @Override
    void serve(Request request, Connection connection) throws IOException, InterruptedException {
        Plan plan = nextPlan();
        if (!request.method().equals("POST") || !request.path().equals(FILTER_PATH)) {
            connection.respond(new Answer(404, "Not Found", "{\"errors\":[{\"code\":34}]}"));
            return;
        }
        connection.play(plan, plan instanceof Stream ? matching(request) : UnaryOperator.identity());
    }

    /** Statuses the posted filter does not match are not sent; other messages are. */
    private static UnaryOperator<String> matching(Request request) {
        TrackFilter filter = TrackFilter.of(split(request.form().get("track")), split(request.form().get("language")))
                .toEither().getOrElseThrow(problems -> new IllegalStateException("bad filter: " + problems));
        return line -> V1Messages.read(line) instanceof StreamMessage.Status status && !filter.matches(status.tweet())
                ? null : line;
    }

    private static java.util.List<String> split(String value) {
        return value == null || value.isEmpty() ? java.util.List.of() : java.util.List.of(value.split(","));
    }
}
