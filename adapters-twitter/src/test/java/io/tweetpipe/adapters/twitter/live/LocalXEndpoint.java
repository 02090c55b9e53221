package io.tweetpipe.adapters.twitter.live;

import io.tweetpipe.adapters.twitter.v2.V2Messages;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.TrackFilter;
import io.tweetpipe.domain.tweet.Tweet;
import io.vavr.collection.List;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import twitter4j.JSONArray;
import twitter4j.JSONObject;

/**
 * X's v2 filtered stream on loopback, as its documentation describes it: the rules endpoint
 * ({@code GET} lists, {@code POST} adds or deletes, rules kept across connections) and the stream
 * ({@code GET /2/tweets/search/stream}, a chunked stream of JSON lines with {@code \r\n} keep-alives), both behind a
 * bearer token (401 for any other, or 403 for every request when told the app's access level is too low). The stream
 * sends a post only if one of the rules in place matches it, and names the rules it matched in
 * {@code matching_rules}; it understands the rules tweetpipe writes (terms, quoted terms, {@code lang:}, {@code OR},
 * parentheses). Each stream connection takes the next {@link Plan}; with none left it holds the connection open with
 * keep-alives. Answers close their connection, so no request reuses one a plan is about to hang up.
 */
final class LocalXEndpoint implements AutoCloseable {

    static final String STREAM_PATH = "/2/tweets/search/stream";
    static final String RULES_PATH = "/2/tweets/search/stream/rules";
    static final Duration KEEP_ALIVE_EVERY = Duration.ofMillis(100);

    sealed interface Plan permits Answer, Hangup, Stream {
    }

    /** Answer with this HTTP status, headers and body, then close. */
    record Answer(int status, String reason, Map<String, String> headers, String body) implements Plan {
    }

    /** Read the request, then close without a word: a network error. */
    record Hangup() implements Plan {
    }

    /** Answer 200 and send these lines (posts only if a rule matches), then end as told. */
    record Stream(List<String> lines, Ending ending) implements Plan {
    }

    enum Ending {
        /** Close the connection mid-stream, without the final chunk. */
        DROP,
        /** Send nothing more, not even keep-alives, and keep the connection open. */
        SILENCE,
        /** Keep the connection open with a keep-alive every {@link #KEEP_ALIVE_EVERY}. */
        HOLD
    }

    record Request(String method, String path, String query, Map<String, String> headers, String body) {
    }

    record Rule(String id, String value, String tag) {
    }

    private final ServerSocket server;
    private final String token;
    private final BlockingQueue<Plan> plans = new LinkedBlockingQueue<>();
    private final BlockingQueue<Plan> rulesPlans = new LinkedBlockingQueue<>();
    private final java.util.List<Request> requests = new CopyOnWriteArrayList<>();
    private final java.util.List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final java.util.List<String> sent = new CopyOnWriteArrayList<>();
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final AtomicLong nextRuleId = new AtomicLong(1_860_000_000_000_000_001L);
    private volatile int ruleCap = Integer.MAX_VALUE;
    private volatile boolean forbidden;
    private volatile boolean echoAuthorization;
    private volatile boolean closed;

    private LocalXEndpoint(ServerSocket server, String token) {
        this.server = server;
        this.token = token;
        Thread acceptor = new Thread(this::accept, "x-endpoint-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** An endpoint that takes this bearer token and no other. */
    static LocalXEndpoint start(String token) throws IOException {
        return new LocalXEndpoint(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), token);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/2/";
    }

    LocalXEndpoint then(Plan... next) {
        plans.addAll(Arrays.asList(next));
        return this;
    }

    /** Plans for requests to the rules endpoint, taken before the rules are looked at. */
    LocalXEndpoint rulesThen(Plan... next) {
        rulesPlans.addAll(Arrays.asList(next));
        return this;
    }

    /** A rule some other tool set on the same app. */
    synchronized LocalXEndpoint withRule(String value, String tag) {
        String id = Long.toString(nextRuleId.getAndIncrement());
        rules.put(id, new Rule(id, value, tag));
        return this;
    }

    /** At most this many rules on the app, as an access level caps them. */
    LocalXEndpoint withRuleCap(int cap) {
        ruleCap = cap;
        return this;
    }

    /** Every request answered 403, as X answers an app without the access level the stream needs. */
    LocalXEndpoint forbidden() {
        forbidden = true;
        return this;
    }

    /** Refusals and stream problems quote the request's Authorization header, as a careless server might. */
    LocalXEndpoint echoingAuthorization() {
        echoAuthorization = true;
        return this;
    }

    static Stream streaming(Ending ending, String... lines) {
        return new Stream(List.of(lines), ending);
    }

    static Answer answer(int status, String reason) {
        return new Answer(status, reason, Map.of(), problemBody(status, reason, ""));
    }

    static Answer answer(int status, String reason, Map<String, String> headers) {
        return new Answer(status, reason, headers, problemBody(status, reason, ""));
    }

    synchronized java.util.List<Rule> rules() {
        return java.util.List.copyOf(rules.values());
    }

    java.util.List<Request> requests() {
        return java.util.List.copyOf(requests);
    }

    java.util.List<Request> streamRequests() {
        return requests.stream().filter(r -> r.path().equals(STREAM_PATH)).toList();
    }

    /** Every line written to a stream connection, matching_rules added, in order. */
    java.util.List<String> sent() {
        return java.util.List.copyOf(sent);
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread serving = new Thread(() -> serve(socket), "x-endpoint-connection");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            Request request = read(in);
            requests.add(request);
            OutputStream out = socket.getOutputStream();
            String authorization = request.headers().getOrDefault("authorization", "");
            String echo = echoAuthorization ? " (you sent: " + authorization + ")" : "";
            if (!authorization.equals("Bearer " + token)) {
                respond(out, new Answer(401, "Unauthorized", Map.of(), problemBody(401, "Unauthorized", echo)));
            } else if (forbidden) {
                respond(out, new Answer(403, "Forbidden", Map.of(), forbiddenBody(echo)));
            } else if (request.path().equals(RULES_PATH)) {
                Plan plan = rulesPlans.poll();
                if (plan == null) {
                    respond(out, rulesAnswer(request));
                } else if (plan instanceof Answer answer) {
                    respond(out, answer);
                }
            } else if (request.path().equals(STREAM_PATH) && request.method().equals("GET")) {
                Plan plan = plans.poll();
                if (plan == null) {
                    plan = new Stream(List.empty(), Ending.HOLD);
                }
                if (plan instanceof Answer answer) {
                    respond(out, answer);
                } else if (plan instanceof Stream stream) {
                    stream(socket, in, out, stream, echo);
                }
                // A Hangup says nothing: try-with-resources closes the socket.
            } else {
                respond(out, new Answer(404, "Not Found", Map.of(), problemBody(404, "Not Found", "")));
            }
        } catch (IOException | InterruptedException e) {
            // The client went away, or the endpoint is closing: this connection is over either way.
        }
    }

    private synchronized Answer rulesAnswer(Request request) {
        if (request.method().equals("GET")) {
            JSONObject answer = new JSONObject();
            if (!rules.isEmpty()) {
                JSONArray data = new JSONArray();
                rules.values().forEach(rule -> data.put(rule(rule)));
                answer.put("data", data);
            }
            answer.put("meta", new JSONObject().put("sent", "2026-11-24T10:00:00.000Z")
                    .put("result_count", rules.size()));
            return new Answer(200, "OK", Map.of(), answer.toString());
        }
        JSONObject body = new JSONObject(request.body());
        if (body.has("delete")) {
            JSONArray ids = body.getJSONObject("delete").getJSONArray("ids");
            int deleted = 0;
            for (int i = 0; i < ids.length(); i++) {
                deleted += rules.remove(ids.getString(i)) == null ? 0 : 1;
            }
            return new Answer(200, "OK", Map.of(), new JSONObject().put("meta", new JSONObject()
                    .put("summary", new JSONObject().put("deleted", deleted)
                            .put("not_deleted", ids.length() - deleted)))
                    .toString());
        }
        JSONArray add = body.getJSONArray("add");
        JSONArray created = new JSONArray();
        JSONArray errors = new JSONArray();
        for (int i = 0; i < add.length(); i++) {
            JSONObject wanted = add.getJSONObject(i);
            String value = wanted.getString("value");
            Rule same = rules.values().stream().filter(rule -> rule.value().equals(value)).findFirst().orElse(null);
            if (same != null) {
                errors.put(new JSONObject().put("value", value).put("id", same.id()).put("title", "DuplicateRule")
                        .put("type", "https://api.x.com/2/problems/duplicate-rules"));
            } else if (rules.size() >= ruleCap) {
                errors.put(new JSONObject().put("value", value).put("title", "RulesCapExceeded")
                        .put("detail", "Rule cap reached; you may not have more than " + ruleCap + " rules")
                        .put("type", "https://api.x.com/2/problems/rule-cap"));
            } else if (!RuleMatcher.valid(value)) {
                errors.put(new JSONObject().put("value", value).put("title", "UnprocessableEntity")
                        .put("detail", "There were errors processing your request: no viable alternative"));
            } else {
                String id = Long.toString(nextRuleId.getAndIncrement());
                Rule rule = new Rule(id, value, wanted.optString("tag", null));
                rules.put(id, rule);
                created.put(rule(rule));
            }
        }
        JSONObject answer = new JSONObject().put("meta", new JSONObject().put("summary", new JSONObject()
                .put("created", created.length()).put("not_created", errors.length())));
        if (created.length() > 0) {
            answer.put("data", created);
        }
        if (errors.length() > 0) {
            answer.put("errors", errors);
        }
        return new Answer(201, "Created", Map.of(), answer.toString());
    }

    private static JSONObject rule(Rule rule) {
        JSONObject json = new JSONObject().put("id", rule.id()).put("value", rule.value());
        return rule.tag() == null ? json : json.put("tag", rule.tag());
    }

    private void stream(Socket socket, InputStream in, OutputStream out, Stream plan, String echo)
            throws IOException, InterruptedException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        int written = 0;
        for (String line : plan.lines()) {
            String outgoing = line;
            StreamMessage message = V2Messages.read(line).message();
            if (message instanceof StreamMessage.Status status) {
                JSONArray matched = matching(status.tweet());
                if (matched.length() == 0) {
                    continue;
                }
                outgoing = new JSONObject(line).put("matching_rules", matched).toString();
            } else if (message instanceof StreamMessage.Notice && !echo.isEmpty()) {
                outgoing = line.replace("\"detail\":\"", "\"detail\":\"" + echo.replace("\"", "'") + " ");
            }
            chunk(out, outgoing + "\r\n");
            sent.add(outgoing);
            if (++written % 3 == 0) {
                chunk(out, "\r\n");
            }
        }
        out.flush();
        switch (plan.ending()) {
            case DROP -> {
                // Closing without the final empty chunk: the client sees the stream break mid-way.
            }
            case SILENCE -> {
                socket.setSoTimeout(0);
                while (!closed && in.read() >= 0) {
                    // wait for the client to give up
                }
            }
            case HOLD -> {
                while (!closed) {
                    TimeUnit.MILLISECONDS.sleep(KEEP_ALIVE_EVERY.toMillis());
                    chunk(out, "\r\n");
                    out.flush();
                }
            }
        }
    }

    private synchronized JSONArray matching(Tweet tweet) {
        JSONArray matched = new JSONArray();
        for (Rule rule : rules.values()) {
            if (RuleMatcher.matches(rule.value(), tweet)) {
                JSONObject json = new JSONObject().put("id", rule.id());
                matched.put(rule.tag() == null ? json : json.put("tag", rule.tag()));
            }
        }
        return matched;
    }

    private static void chunk(OutputStream out, String data) throws IOException {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static void respond(OutputStream out, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 " + answer.status() + " " + answer.reason()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n");
        answer.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** X's problem body (RFC 7807), as it answers 401 and most errors. */
    static String problemBody(int status, String title, String extra) {
        return new JSONObject().put("title", title).put("type", "about:blank").put("status", status)
                .put("detail", title + extra).toString();
    }

    /** X's answer to an app whose access level does not include the filtered stream. */
    static String forbiddenBody(String extra) {
        return new JSONObject().put("client_id", "30000001")
                .put("detail", "When authenticating requests to the Twitter API v2 endpoints, you must use keys and "
                        + "tokens from a Twitter developer App that is attached to a Project." + extra)
                .put("registration_url", "https://developer.twitter.com/en/docs/projects/overview")
                .put("title", "Client Forbidden").put("required_enrollment", "Appropriate Level of API Access")
                .put("reason", "client-not-enrolled").put("type", "https://api.twitter.com/2/problems/client-forbidden")
                .toString();
    }

    private static Request read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the request ended early");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        String target = requestLine.length > 1 ? requestLine[1] : "";
        int question = target.indexOf('?');
        return new Request(requestLine[0], question < 0 ? target : target.substring(0, question),
                question < 0 ? "" : target.substring(question + 1), headers, body);
    }

    /**
     * The rule language as far as tweetpipe writes it: terms (a token of the post, as the track filter tokenises;
     * {@code #tag} only the hashtag), quoted terms (all their words), {@code lang:xx}, juxtaposition for AND,
     * {@code OR}, parentheses.
     */
    static final class RuleMatcher {
        private final String rule;
        private final Tweet tweet;
        private int at;

        private RuleMatcher(String rule, Tweet tweet) {
            this.rule = rule;
            this.tweet = tweet;
        }

        static boolean matches(String rule, Tweet tweet) {
            RuleMatcher matcher = new RuleMatcher(rule, tweet);
            boolean result = matcher.or();
            if (matcher.at != rule.length()) {
                throw new IllegalArgumentException("cannot read rule " + rule + " at " + matcher.at);
            }
            return result;
        }

        static boolean valid(String rule) {
            try {
                matches(rule, io.tweetpipe.application.contract.Tweets.tweet(1, "x", "en"));
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }

        private boolean or() {
            boolean any = and();
            while (skipSpaces() && rule.startsWith("OR ", at)) {
                at += 3;
                any |= and();
            }
            return any;
        }

        private boolean and() {
            boolean all = atom();
            while (skipSpaces() && at < rule.length() && rule.charAt(at) != ')' && !rule.startsWith("OR ", at)) {
                all &= atom();
            }
            return all;
        }

        private boolean atom() {
            skipSpaces();
            if (at >= rule.length()) {
                throw new IllegalArgumentException("rule ends early");
            }
            char c = rule.charAt(at);
            if (c == '(') {
                at++;
                boolean inside = or();
                skipSpaces();
                if (at >= rule.length() || rule.charAt(at) != ')') {
                    throw new IllegalArgumentException("unclosed parenthesis");
                }
                at++;
                return inside;
            }
            if (c == '"') {
                StringBuilder quoted = new StringBuilder();
                at++;
                while (at < rule.length() && rule.charAt(at) != '"') {
                    if (rule.charAt(at) == '\\' && at + 1 < rule.length()) {
                        at++;
                    }
                    quoted.append(rule.charAt(at++));
                }
                at++;
                String words = quoted.toString().replaceAll("[^\\p{L}\\p{N}_#@ ]", " ").strip();
                return !words.isEmpty() && TrackFilter.of(java.util.List.of(words), java.util.List.of()).get()
                        .matches(tweet);
            }
            int start = at;
            while (at < rule.length() && rule.charAt(at) != ' ' && rule.charAt(at) != ')') {
                at++;
            }
            String word = rule.substring(start, at);
            if (word.startsWith("lang:")) {
                return tweet.language().code().equals(word.substring(5));
            }
            return TrackFilter.of(java.util.List.of(word), java.util.List.of()).get().matches(tweet);
        }

        private boolean skipSpaces() {
            while (at < rule.length() && rule.charAt(at) == ' ') {
                at++;
            }
            return true;
        }
    }
}
