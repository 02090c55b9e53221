package io.tweetpipe.adapters.twitter.live;

import io.tweetpipe.adapters.twitter.v2.V2Rules;
import io.tweetpipe.domain.Rejection;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * The stream rules one run of the X source stands on, and how it leaves the app's rules as it found them.
 *
 * <p>A rule already there with the same value is used, not added again, and left in place, unless its tag is
 * tweetpipe's: that one a run that could not clean up left behind, and this run removes it with its own. The posts
 * handed on are those that match one of the rules used ({@link #matches}); a rule of another tool on the same app
 * delivers posts into the same stream, and they are not this run's.
 */
final class XRules {

    static final String TAG = "tweetpipe";
    private static final System.Logger LOG = System.getLogger(XRules.class.getName());

    private final Requests requests;
    private final Set<String> used;
    private final Seq<V2Rules.Rule> added;

    private XRules(Requests requests, Set<String> used, Seq<V2Rules.Rule> added) {
        this.requests = requests;
        this.used = used;
        this.added = added;
    }

    /**
     * Lists the app's rules and adds what the filter needs that is not there yet. Left if X refuses a rule (a person
     * must change the filter); an IOException (an {@link HttpRefusal} among them) if the endpoint could not be asked.
     */
    static Either<Rejection, XRules> apply(Requests requests, Seq<String> wanted)
            throws IOException, InterruptedException {
        Seq<V2Rules.Rule> existing = V2Rules.rules(requests.get())
                .getOrElseThrow((String reason) -> new IOException("the rules endpoint answered " + reason));
        Seq<V2Rules.Rule> reused = existing.filter(rule -> wanted.contains(rule.value()));
        Seq<String> missing = wanted.filter(value -> !reused.exists(rule -> rule.value().equals(value)));
        Seq<V2Rules.Rule> added = List.empty();
        Set<String> used = HashSet.ofAll(reused.map(V2Rules.Rule::id));
        if (!missing.isEmpty()) {
            V2Rules.Added answer = V2Rules.added(requests.post(V2Rules.addBody(missing, TAG)))
                    .getOrElseThrow((String reason) -> new IOException("the rules endpoint answered " + reason));
            Seq<V2Rules.Problem> refused = answer.problems()
                    .filter(problem -> !(problem.title().equals("DuplicateRule") && problem.id().isDefined()));
            added = answer.created();
            used = used.addAll(added.map(V2Rules.Rule::id))
                    .addAll(answer.problems().flatMap(V2Rules.Problem::id));
            if (!refused.isEmpty()) {
                new XRules(requests, used, added).remove();
                V2Rules.Problem first = refused.head();
                return Either.left(Rejection.of("keywords", requests.token.masked("X refused the stream rule '"
                        + first.value() + "' (" + first.title() + (first.detail().isEmpty() ? "" : ": "
                        + first.detail()) + ")" + (refused.size() > 1 ? " and " + (refused.size() - 1) + " more" : "")
                        + "; no rule of this run is left in place")));
            }
        }
        Seq<V2Rules.Rule> leftOver = reused.filter(rule -> rule.tag().contains(TAG));
        XRules rules = new XRules(requests, used, added.appendAll(leftOver));
        LOG.log(Level.INFO, "stream rules: " + (added.isEmpty() ? "" : "added " + describe(added))
                + (added.isEmpty() || reused.isEmpty() ? "" : "; ")
                + (reused.isEmpty() ? "" : "already there " + describe(reused))
                + (leftOver.isEmpty() ? "" : " (" + leftOver.size() + " left by an earlier run, removed at the end)"));
        return Either.right(rules);
    }

    /** Does a post that matched these rules (X's {@code matching_rules}) belong to this run? */
    boolean matches(Seq<String> matchingRules) {
        return matchingRules.isEmpty() || matchingRules.exists(used::contains);
    }

    /** Removes the rules this run added; says so in one line, or says which are left if it could not. */
    void remove() {
        if (added.isEmpty()) {
            return;
        }
        Seq<String> ids = added.map(V2Rules.Rule::id);
        try {
            String answer = requests.post(V2Rules.deleteBody(ids));
            LOG.log(Level.INFO, "stream rules: removed " + V2Rules.deleted(answer).getOrElse((long) ids.size())
                    + " added by this run; the app's rules are as they were");
        } catch (IOException e) {
            LOG.log(Level.WARNING, requests.token.masked("could not remove the stream rules this run added (ids "
                    + ids.mkString(", ") + "): " + e.getMessage() + "; until removed at " + requests.url
                    + " they keep filtering this app's stream"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.log(Level.WARNING, "stopped while removing the stream rules this run added (ids "
                    + ids.mkString(", ") + "); until removed at " + requests.url + " they keep filtering this app's"
                    + " stream");
        }
    }

    private static String describe(Seq<V2Rules.Rule> rules) {
        return rules.map(rule -> "'" + rule.value() + "'").mkString(", ");
    }

    /** Requests to the rules endpoint, signed with the token; a refusal is an {@link HttpRefusal}. */
    static final class Requests {
        private final HttpClient http;
        private final String url;
        private final BearerToken token;
        private final Duration timeout;

        Requests(HttpClient http, String url, BearerToken token, Duration timeout) {
            this.http = http;
            this.url = url;
            this.token = token;
            this.timeout = timeout;
        }

        String get() throws IOException, InterruptedException {
            return send(request().GET().build());
        }

        String post(String json) throws IOException, InterruptedException {
            return send(request().header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        }

        private HttpRequest.Builder request() {
            return HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Authorization", "Bearer " + token.value())
                    .header("User-Agent", "tweetpipe");
        }

        private String send(HttpRequest request) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw refusal(response.statusCode(), response.body(), response.headers(), token);
            }
            return response.body();
        }
    }

    /** An answer that is not a success, as an exception carrying what the source acts on. */
    static HttpRefusal refusal(int status, String body, java.net.http.HttpHeaders headers, BearerToken token) {
        Option<Instant> reset = Option.ofOptional(headers.firstValue("x-rate-limit-reset"))
                .flatMap(value -> io.vavr.control.Try.of(() -> Instant.ofEpochSecond(Long.parseLong(value.strip())))
                        .toOption());
        return new HttpRefusal(status, V2Rules.problem(body == null ? "" : body).map(token::masked), reset);
    }
}
