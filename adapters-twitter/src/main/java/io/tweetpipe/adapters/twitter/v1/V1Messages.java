package io.tweetpipe.adapters.twitter.v1;

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
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;
import java.util.TreeSet;
import twitter4j.JSONObject;
import twitter4j.JSONObjectType;

/**
 * The one reading of Twitter's v1.1 streaming messages, shared by the live source and the replay source: one JSON
 * line in, one {@link StreamMessage} out, never an exception.
 *
 * <p>Parsing and typing are twitter4j's ({@link JSONObject}, {@link JSONObjectType}), so a line is the kind of
 * message here that it is to twitter4j's own listeners. A status, though, is read field by field rather than by
 * twitter4j's {@code TwitterObjectFactory}, which refuses a whole status for an optional field it insists on (an
 * extended tweet without {@code display_text_range}, an entity without {@code indices}, a user without a readable
 * {@code created_at}); the tutorial's relay reads only {@code text} or {@code extended_tweet.full_text}, and a status
 * it would relay is relayed here. The domain keeps both texts: {@code text} (truncated for an extended tweet) and
 * {@code extended_tweet.full_text}, each HTML-unescaped as twitter4j unescapes them ({@code &amp;amp;} to
 * {@code &amp;}).
 */
public final class V1Messages {

    static {
        Twitter4jLogging.install();
    }

    /** Twitter's {@code created_at}: {@code Tue Nov 24 10:00:00 +0000 2026}. */
    private static final DateTimeFormatter CREATED_AT = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("EEE MMM d HH:mm:ss xx yyyy").toFormatter(Locale.ENGLISH);

    private V1Messages() {
    }

    /** Is this line one of the blank lines Twitter sends to keep a connection open? They carry no message. */
    public static boolean isKeepAlive(String line) {
        return TwitterJson.isKeepAlive(line);
    }

    /**
     * Reads one line of the stream. A line that is not a message Twitter sends becomes {@link StreamMessage.Malformed}.
     * An interrupt pending when the read begins is pending when it returns.
     */
    public static StreamMessage read(String line) {
        boolean interrupted = Thread.currentThread().isInterrupted();
        try {
            return readLine(line);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static StreamMessage readLine(String line) {
        if (isKeepAlive(line)) {
            return malformed("a blank line is a keep-alive, not a message");
        }
        return object(line).fold(TwitterJson::malformed, json -> read(json, line));
    }

    /** Reads a line already parsed to this object (a reader that tells the API versions apart parses it once). */
    public static StreamMessage read(JSONObject json, String line) {
        try {
            return classify(json, line);
        } catch (RuntimeException e) {
            // The type was clear but a field was not what Twitter sends: report it, never throw.
            return malformed("a message whose fields are not as Twitter sends them (" + describe(e) + "): "
                    + excerpt(line));
        }
    }

    private static StreamMessage classify(JSONObject json, String line) {
        return switch (JSONObjectType.determine(json)) {
            case STATUS -> status(json, line);
            case DELETE -> deletion(json);
            case LIMIT -> new StreamMessage.Limit(json.getJSONObject("limit").getLong("track"));
            case STALL_WARNING -> stallWarning(json.getJSONObject("warning"));
            case DISCONNECTION -> disconnect(json.getJSONObject("disconnect"));
            // twitter4j knows a status by its text; the tutorial's relay also takes one with only a full text.
            default -> json.optJSONObject("extended_tweet") != null
                    ? status(json, line)
                    : new StreamMessage.Notice(StreamMessage.Notice.Kind.UNKNOWN,
                            "a message tweetpipe does not use, with fields " + new TreeSet<>(json.keySet()));
        };
    }

    private static StreamMessage deletion(JSONObject json) {
        JSONObject delete = json.getJSONObject("delete");
        if (!delete.has("status") && delete.has("direct_message")) {
            return new StreamMessage.Notice(StreamMessage.Notice.Kind.UNKNOWN,
                    "a delete notice for a direct message, which a filtered stream does not relay");
        }
        long id = delete.getJSONObject("status").getLong("id");
        return TweetId.of(id).fold(rejection -> malformed("a delete notice with a bad id: " + rejection.reason()),
                StreamMessage.Deletion::new);
    }

    private static StreamMessage stallWarning(JSONObject warning) {
        String text = warning.optString("code", "STALL") + ": " + warning.optString("message", "(no message)");
        return new StreamMessage.Notice(StreamMessage.Notice.Kind.STALL_WARNING,
                warning.has("percent_full") ? text + " (queue " + warning.optInt("percent_full") + "% full)" : text);
    }

    private static StreamMessage disconnect(JSONObject disconnect) {
        return new StreamMessage.Notice(StreamMessage.Notice.Kind.DISCONNECT,
                "code " + disconnect.optInt("code", -1) + " (" + disconnect.optString("reason", "no reason given")
                        + ") on stream " + disconnect.optString("stream_name", "(unnamed)"));
    }

    /**
     * A status, read for what the relay needs and nothing else. Only a positive id and a text ({@code text}, or
     * {@code extended_tweet.full_text}: what the tutorial's relay reads) are required; every other field is optional,
     * as it is to that relay. A field that is present must be what Twitter sends there.
     */
    private static StreamMessage status(JSONObject json, String line) {
        Option<JSONObject> extension = object(json, "extended_tweet");
        Option<String> fullText = extension.flatMap(extended -> string(extended, "full_text"))
                .map(TwitterJson::htmlUnescaped);
        Option<String> text = string(json, "text").map(TwitterJson::htmlUnescaped);
        if (text.isEmpty() && fullText.isEmpty()) {
            return malformed("a status without text: " + excerpt(line));
        }
        Either<String, TweetId> id = statusId(json);
        Either<String, Language> language = string(json, "lang")
                .map(code -> Language.of(code).mapLeft(Rejection::reason))
                .getOrElse(Either.right(Language.UNDETERMINED));
        Either<String, Instant> createdAt = id.flatMap(known -> createdAt(json, known));
        String body = fullText.orElse(text).get();
        Entities entities = extension.flatMap(extended -> object(extended, "entities"))
                .orElse(object(json, "entities"))
                .map(V1Messages::entities)
                .getOrElse(() -> Entities.extract(body));
        return id.flatMap(tweetId -> language.flatMap(lang -> createdAt.map(at -> new Tweet(tweetId,
                        text.getOrElse(body), fullText, lang, at, author(json), entities))))
                .fold(reason -> malformed("a status " + reason + ": " + excerpt(line)), StreamMessage.Status::new);
    }

    private static Either<String, TweetId> statusId(JSONObject json) {
        Option<Long> id = number(json, "id").orElse(() -> number(json, "id_str"));
        return id.isEmpty()
                ? Either.left("without an id")
                : TweetId.of(id.get()).mapLeft(Rejection::reason);
    }

    /** {@code created_at} in Twitter's format; when it is missing, the time Twitter wrote into the id. */
    private static Either<String, Instant> createdAt(JSONObject json, TweetId id) {
        Option<String> written = string(json, "created_at");
        if (written.isEmpty()) {
            return Either.right(TwitterJson.snowflakeTime(id));
        }
        return Try.of(() -> CREATED_AT.parse(written.get(), Instant::from)).toEither()
                .mapLeft(e -> "with a created_at that is not Twitter's date format ('" + written.get() + "')");
    }

    /** {@code user.id} and {@code user.screen_name}; a status without them is by an unknown author. */
    private static Author author(JSONObject json) {
        Option<JSONObject> user = object(json, "user");
        Option<String> name = user.flatMap(u -> string(u, "screen_name")).filter(n -> !n.isEmpty());
        return name.isEmpty()
                ? Author.UNKNOWN
                : new Author(user.flatMap(u -> number(u, "id").orElse(() -> number(u, "id_str"))).getOrElse(0L),
                        name.get());
    }

    /**
     * What Twitter marked in the body: {@code extended_tweet.entities} for an extended tweet (falling back to
     * {@code entities}, as twitter4j does), hashtags by their text, mentions by screen name, URLs by
     * {@code expanded_url} when Twitter gives one, else {@code url}. An entity missing what names it is skipped; a
     * status with no entities at all has them found in its body ({@link Entities#extract}), as a text frame does.
     */
    static Entities entities(JSONObject entities) {
        return new Entities(
                each(entities, "hashtags", tag -> string(tag, "text")),
                each(entities, "user_mentions", mention -> string(mention, "screen_name")),
                each(entities, "urls", url -> string(url, "expanded_url").filter(u -> !u.isEmpty())
                        .orElse(() -> string(url, "url"))));
    }
}
