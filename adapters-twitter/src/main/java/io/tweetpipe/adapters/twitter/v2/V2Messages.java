package io.tweetpipe.adapters.twitter.v2;

import static io.tweetpipe.adapters.twitter.json.TwitterJson.describe;
import static io.tweetpipe.adapters.twitter.json.TwitterJson.each;
import static io.tweetpipe.adapters.twitter.json.TwitterJson.excerpt;
import static io.tweetpipe.adapters.twitter.json.TwitterJson.malformed;
import static io.tweetpipe.adapters.twitter.json.TwitterJson.number;
import static io.tweetpipe.adapters.twitter.json.TwitterJson.object;
import static io.tweetpipe.adapters.twitter.json.TwitterJson.string;

import io.tweetpipe.adapters.twitter.json.TwitterJson;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.Author;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.Language;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.Tweet;
import io.tweetpipe.domain.tweet.TweetId;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.time.Instant;
import java.util.Objects;
import java.util.TreeSet;
import twitter4j.JSONArray;
import twitter4j.JSONObject;

/**
 * The one reading of X's v2 filtered stream, shared by the live source and the replay: one JSON line in, one
 * {@link StreamMessage} out, never an exception.
 *
 * <p>A post arrives as {@code {"data": {...}, "includes": {"users": [...]}, "matching_rules": [...]}}: the fields
 * tweetpipe asks for ({@link #TWEET_FIELDS}, {@link #EXPANSIONS}) in {@code data}, its author's {@code username} in
 * {@code includes.users}. A long post ({@code note_tweet}) keeps {@code text}, X's first 280 characters, as the
 * text and {@code note_tweet.text} as the full text and body, as v1.1's {@code extended_tweet} was kept. Only an id
 * and a text are required, as in v1.1. A line of {@code errors} alone is a notice: an operational disconnect (X
 * closes the stream after it) or another problem X reports in the stream.
 */
public final class V2Messages {

    /** What a post must carry for a record: the time, language, author, entities and a long post's whole text. */
    public static final String TWEET_FIELDS = "created_at,lang,author_id,entities,note_tweet";
    /** The author's user object, for the username. */
    public static final String EXPANSIONS = "author_id";

    /**
     * One line read: the message, and the ids of the rules X says the post matched (empty when the line names none,
     * as a recording or another endpoint may not).
     */
    public record Read(StreamMessage message, Seq<String> matchingRules) {
        public Read {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(matchingRules, "matchingRules");
        }
    }

    private V2Messages() {
    }

    /** Is this a v2 message? It has {@code data} or {@code errors} at the top; a v1.1 message never has either. */
    public static boolean isV2(JSONObject json) {
        return json.has("data") || json.has("errors");
    }

    public static Read read(String line) {
        if (TwitterJson.isKeepAlive(line)) {
            return new Read(malformed("a blank line is a keep-alive, not a message"), List.empty());
        }
        return TwitterJson.object(line).fold(reason -> new Read(malformed(reason), List.empty()),
                json -> read(json, line));
    }

    /** Reads a line already parsed to this object. */
    public static Read read(JSONObject json, String line) {
        try {
            return new Read(message(json, line), matchingRules(json));
        } catch (RuntimeException e) {
            return new Read(malformed("a message whose fields are not as X sends them (" + describe(e) + "): "
                    + excerpt(line)), List.empty());
        }
    }

    private static StreamMessage message(JSONObject json, String line) {
        Option<JSONObject> data = object(json, "data");
        if (data.isDefined()) {
            return post(data.get(), json, line);
        }
        JSONArray errors = json.optJSONArray("errors");
        if (errors != null && errors.length() > 0) {
            return problem(errors);
        }
        return new StreamMessage.Notice(StreamMessage.Notice.Kind.UNKNOWN,
                "a message tweetpipe does not use, with fields " + new TreeSet<>(json.keySet()));
    }

    /** The first problem of the line: an operational disconnect is a disconnect, anything else a notice. */
    private static StreamMessage problem(JSONArray errors) {
        JSONObject first = errors.optJSONObject(0);
        if (first == null) {
            return new StreamMessage.Notice(StreamMessage.Notice.Kind.UNKNOWN, "X reported a problem it did not name");
        }
        String title = string(first, "title").getOrElse("a problem");
        String text = title + string(first, "detail").map(detail -> ": " + detail).getOrElse("")
                + (errors.length() > 1 ? " (and " + (errors.length() - 1) + " more)" : "");
        boolean disconnect = title.equals("operational-disconnect")
                || string(first, "type").exists(type -> type.endsWith("/operational-disconnect"))
                || first.has("disconnect_type");
        return new StreamMessage.Notice(disconnect ? StreamMessage.Notice.Kind.DISCONNECT
                : StreamMessage.Notice.Kind.UNKNOWN, text);
    }

    private static StreamMessage post(JSONObject data, JSONObject json, String line) {
        Option<JSONObject> note = object(data, "note_tweet");
        Option<String> fullText = note.flatMap(n -> string(n, "text")).map(TwitterJson::htmlUnescaped);
        Option<String> text = string(data, "text").map(TwitterJson::htmlUnescaped);
        if (text.isEmpty() && fullText.isEmpty()) {
            return malformed("a post without text: " + excerpt(line));
        }
        Either<String, TweetId> id = number(data, "id").isEmpty()
                ? Either.left("without an id")
                : TweetId.of(number(data, "id").get()).mapLeft(Rejection::reason);
        Either<String, Language> language = string(data, "lang")
                .map(code -> Language.of(code).mapLeft(Rejection::reason))
                .getOrElse(Either.right(Language.UNDETERMINED));
        String body = fullText.orElse(text).get();
        Entities entities = note.flatMap(n -> object(n, "entities"))
                .orElse(object(data, "entities"))
                .map(V2Messages::entities)
                .getOrElse(() -> Entities.extract(body));
        return id.flatMap(tweetId -> language.flatMap(lang -> createdAt(data, tweetId).map(at -> new Tweet(tweetId,
                        text.getOrElse(body), fullText, lang, at, author(data, json), entities))))
                .fold(reason -> malformed("a post " + reason + ": " + excerpt(line)), StreamMessage.Status::new);
    }

    /** {@code created_at} in ISO 8601 ({@code 2026-11-24T10:00:00.000Z}); when missing, the time in the id. */
    private static Either<String, Instant> createdAt(JSONObject data, TweetId id) {
        Option<String> written = string(data, "created_at");
        if (written.isEmpty()) {
            return Either.right(TwitterJson.snowflakeTime(id));
        }
        return Try.of(() -> Instant.parse(written.get())).toEither()
                .mapLeft(e -> "with a created_at that is not an ISO 8601 time ('" + written.get() + "')");
    }

    /** {@code author_id}, named by the user of that id in {@code includes.users}; unknown without them. */
    private static Author author(JSONObject data, JSONObject json) {
        Option<Long> authorId = number(data, "author_id");
        Option<String> username = authorId.flatMap(id -> object(json, "includes")
                .flatMap(includes -> each(includes, "users",
                        user -> number(user, "id").contains(id) ? string(user, "username") : Option.none())
                        .headOption()))
                .filter(name -> !name.isEmpty());
        return username.isEmpty() ? Author.UNKNOWN : new Author(authorId.get(), username.get());
    }

    /**
     * v2's entities: hashtags by {@code tag}, mentions by {@code username}, URLs by {@code expanded_url} when given,
     * else {@code url}.
     */
    private static Entities entities(JSONObject entities) {
        return new Entities(
                each(entities, "hashtags", tag -> string(tag, "tag")),
                each(entities, "mentions", mention -> string(mention, "username")),
                each(entities, "urls", url -> string(url, "expanded_url").filter(u -> !u.isEmpty())
                        .orElse(() -> string(url, "url"))));
    }

    private static Seq<String> matchingRules(JSONObject json) {
        return List.ofAll(each(json, "matching_rules", rule -> string(rule, "id")));
    }
}
