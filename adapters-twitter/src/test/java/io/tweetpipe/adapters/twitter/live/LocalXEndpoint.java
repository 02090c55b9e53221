package io.tweetpipe.adapters.twitter.live;

import io.tweetpipe.adapters.twitter.v2.V2Messages;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.TrackFilter;
import io.tweetpipe.domain.tweet.Tweet;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
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
final class LocalXEndpoint extends LocalEndpoint<LocalXEndpoint.Request> {

    static final String STREAM_PATH = "/2/tweets/search/stream";
    static final String RULES_PATH = "/2/tweets/search/stream/rules";

    record Request(String method, String path, String query, Map<String, String> headers, String body) {
    }

    record Rule(String id, String value, String tag) {
    }

    private final String token;
    private final BlockingQueue<Plan> rulesPlans = new LinkedBlockingQueue<>();
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final AtomicLong nextRuleId = new AtomicLong(1_860_000_000_000_000_001L);
    private volatile int ruleCap = Integer.MAX_VALUE;
    private volatile boolean forbidden;
    private volatile boolean echoAuthorization;

    private LocalXEndpoint(String token) throws IOException {
        super("x-endpoint");
        this.token = token;
        listen();
    }

    /** An endpoint that takes this bearer token and no other. */
    static LocalXEndpoint start(String token) throws IOException {
        return new LocalXEndpoint(token);
    }

    String baseUrl() {
        return origin() + "/2/";
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

    static Answer answer(int status, String reason) {
        return new Answer(status, reason, Map.of(), problemBody(status, reason, ""));
    }

    static Answer answer(int status, String reason, Map<String, String> headers) {
        return new Answer(status, reason, headers, problemBody(status, reason, ""));
    }

    synchronized java.util.List<Rule> rules() {
        return java.util.List.copyOf(rules.values());
    }

    java.util.List<Request> streamRequests() {
        return requests().stream().filter(r -> r.path().equals(STREAM_PATH)).toList();
    }

    @Override
    Request request(Received received) {
        String target = received.target();
        int question = target.indexOf('?');
        return new Request(received.method(), question < 0 ? target : target.substring(0, question),
                question < 0 ? "" : target.substring(question + 1), received.headers(), received.body());
    }

    @Override
    void serve(Request request, Connection connection) throws IOException, InterruptedException {
        String authorization = request.headers().getOrDefault("authorization", "");
        String echo = echoAuthorization ? " (you sent: " + authorization + ")" : "";
        if (!authorization.equals("Bearer " + token)) {
            connection.respond(new Answer(401, "Unauthorized", problemBody(401, "Unauthorized", echo)));
        } else if (forbidden) {
            connection.respond(new Answer(403, "Forbidden", forbiddenBody(echo)));
        } else if (request.path().equals(RULES_PATH)) {
            Plan plan = rulesPlans.poll();
            if (plan == null) {
                connection.respond(rulesAnswer(request));
            } else if (plan instanceof Answer answer) {
                connection.respond(answer);
            }
        } else if (request.path().equals(STREAM_PATH) && request.method().equals("GET")) {
            connection.play(nextPlan(), line -> outgoing(line, echo));
        } else {
            connection.respond(new Answer(404, "Not Found", problemBody(404, "Not Found", "")));
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

    /** A post with the rules it matched (none: not sent); a notice with the echo, when told to echo. */
    private String outgoing(String line, String echo) {
        StreamMessage message = V2Messages.read(line).message();
        if (message instanceof StreamMessage.Status status) {
            JSONArray matched = matching(status.tweet());
            return matched.length() == 0 ? null : new JSONObject(line).put("matching_rules", matched).toString();
        }
        if (message instanceof StreamMessage.Notice && !echo.isEmpty()) {
            return line.replace("\"detail\":\"", "\"detail\":\"" + echo.replace("\"", "'") + " ");
        }
        return line;
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
