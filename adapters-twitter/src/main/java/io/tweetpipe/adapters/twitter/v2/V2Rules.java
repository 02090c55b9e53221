package io.tweetpipe.adapters.twitter.v2;

import static io.tweetpipe.adapters.twitter.json.TwitterJson.objects;
import static io.tweetpipe.adapters.twitter.json.TwitterJson.string;

import io.tweetpipe.adapters.twitter.json.TwitterJson;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.Language;
import io.tweetpipe.domain.tweet.TrackFilter;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Objects;
import java.util.regex.Pattern;
import twitter4j.JSONArray;
import twitter4j.JSONObject;

/**
 * A track filter as v2 stream rules, and the JSON of X's rules endpoint ({@code /2/tweets/search/stream/rules}).
 *
 * <p>A v1.1 filter is phrases OR'ed, the terms of a phrase AND'ed, and a post in any of the languages; as a v2 rule
 * that is {@code (covid OR (covid vaccine)) (lang:en OR lang:es)}. Phrases are packed into as few rules as fit the
 * access level's rule length, each rule carrying the languages. A term that is not a plain word (or a hashtag,
 * mention or cashtag) is quoted, so it is matched as written and never read as an operator.
 */
public final class V2Rules {

    /** The longest rule the Pro access level takes; Enterprise takes 2,048. */
    public static final int PRO_RULE_LENGTH = 1024;

    private static final Pattern PLAIN_TERM = Pattern.compile("[#@$]?[\\p{L}\\p{N}_]+");

    /** A rule as the endpoint lists it. */
    public record Rule(String id, String value, Option<String> tag) {
        public Rule {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(tag, "tag");
        }
    }

    /** What an add request did: the rules it created, and what it refused, one line each. */
    public record Added(Seq<Rule> created, Seq<Problem> problems) {
    }

    /** A rule the endpoint did not create: its value, X's title ({@code DuplicateRule}, say) and detail. */
    public record Problem(String value, String title, Option<String> id, String detail) {
    }

    private V2Rules() {
    }

    /** The rules for a filter, none longer than {@code maxLength}; left if one phrase alone does not fit. */
    public static Either<Rejection, Seq<String>> of(TrackFilter filter, int maxLength) {
        String languages = languages(filter);
        Seq<String> rules = List.empty();
        Seq<String> group = List.empty();
        for (String phrase : filter.phrases().map(V2Rules::phrase)) {
            if (rule(List.of(phrase), languages).length() > maxLength) {
                return Either.left(Rejection.of("keyword", "'" + phrase + "' makes a stream rule longer than "
                        + maxLength + " characters, the longest X takes at this access level"));
            }
            if (!group.isEmpty() && rule(group.append(phrase), languages).length() > maxLength) {
                rules = rules.append(rule(group, languages));
                group = List.empty();
            }
            group = group.append(phrase);
        }
        return Either.right(rules.append(rule(group, languages)));
    }

    private static String rule(Seq<String> phrases, String languages) {
        String keywords = phrases.size() == 1 ? phrases.head() : phrases.mkString("(", " OR ", ")");
        return languages.isEmpty() ? keywords : keywords + " " + languages;
    }

    private static String phrase(String phrase) {
        Seq<String> terms = List.of(phrase.split(" ")).map(V2Rules::term);
        return terms.size() == 1 ? terms.head() : terms.mkString("(", " ", ")");
    }

    private static String term(String term) {
        return PLAIN_TERM.matcher(term).matches() && !term.equalsIgnoreCase("or")
                ? term
                : "\"" + term.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String languages(TrackFilter filter) {
        Seq<String> each = filter.languages().toList().map(Language::code).map(code -> "lang:" + code);
        return each.isEmpty() ? "" : each.size() == 1 ? each.head() : each.mkString("(", " OR ", ")");
    }

    /** The body of a request adding these rules, each with this tag. */
    public static String addBody(Seq<String> values, String tag) {
        JSONArray add = new JSONArray();
        values.forEach(value -> add.put(new JSONObject().put("value", value).put("tag", tag)));
        return new JSONObject().put("add", add).toString();
    }

    /** The body of a request deleting the rules of these ids. */
    public static String deleteBody(Seq<String> ids) {
        JSONArray list = new JSONArray();
        ids.forEach(list::put);
        return new JSONObject().put("delete", new JSONObject().put("ids", list)).toString();
    }

    /** The rules a list request answered ({@code data}, missing when there are none). */
    public static Either<String, Seq<Rule>> rules(String body) {
        return TwitterJson.object(body).map(json -> rules(json, "data"));
    }

    /** What an add request answered: {@code data} created, {@code errors} not. */
    public static Either<String, Added> added(String body) {
        return TwitterJson.object(body).map(json -> new Added(rules(json, "data"),
                List.ofAll(objects(json, "errors")).map(error -> new Problem(
                        string(error, "value").getOrElse(""), string(error, "title").getOrElse("a problem"),
                        string(error, "id"), string(error, "detail").orElse(() -> string(error, "message"))
                                .getOrElse("")))));
    }

    /** How many rules a delete request deleted, if it says. */
    public static Option<Long> deleted(String body) {
        return TwitterJson.object(body).toOption()
                .flatMap(json -> TwitterJson.object(json, "meta"))
                .flatMap(meta -> TwitterJson.object(meta, "summary"))
                .flatMap(summary -> TwitterJson.number(summary, "deleted"));
    }

    /**
     * What X's problem body says, in a few words: its title and detail, the reason and the access it asks for
     * ({@code client-not-enrolled}, {@code Appropriate Level of API Access}). None if the body says nothing readable.
     */
    public static Option<String> problem(String body) {
        Option<JSONObject> json = TwitterJson.object(body).toOption();
        Option<JSONObject> problem = json.flatMap(j -> string(j, "title").isDefined() ? Option.some(j)
                : Option.of(j.optJSONArray("errors")).flatMap(errors -> Option.of(errors.optJSONObject(0))));
        return problem.map(p -> List.of(string(p, "title"), string(p, "detail").orElse(() -> string(p, "message")),
                        string(p, "reason").map(reason -> "reason: " + reason),
                        string(p, "required_enrollment").map(access -> "needs: " + access))
                .flatMap(part -> part)
                .distinct()
                .mkString("; "))
                .filter(text -> !text.isBlank());
    }

    private static Seq<Rule> rules(JSONObject json, String key) {
        return List.ofAll(objects(json, key))
                .flatMap(rule -> string(rule, "id").flatMap(id -> string(rule, "value")
                        .map(value -> new Rule(id, value, string(rule, "tag")))));
    }
}
