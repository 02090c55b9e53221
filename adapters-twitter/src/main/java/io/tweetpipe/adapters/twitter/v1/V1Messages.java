package io.tweetpipe.adapters.twitter.v1;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.Author;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.Language;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.Tweet;
import io.tweetpipe.domain.tweet.TweetId;
import io.vavr.collection.Array;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import twitter4j.HashtagEntity;
import twitter4j.JSONObject;
import twitter4j.JSONObjectType;
import twitter4j.JSONTokener;
import twitter4j.Status;
import twitter4j.TwitterObjectFactory;
import twitter4j.UserMentionEntity;

/**
 * The one reading of Twitter's v1.1 streaming messages, shared by the live source and the replay source: one JSON
 * line in, one {@link StreamMessage} out, never an exception.
 *
 * <p>Parsing and typing are twitter4j's ({@link JSONObject}, {@link JSONObjectType}, {@link TwitterObjectFactory}), so
 * a line means here what it means to twitter4j's own listeners. One thing twitter4j's {@link Status} cannot say:
 * when a status carries {@code extended_tweet}, twitter4j 4.0.7 replaces {@code text} with
 * {@code extended_tweet.full_text} (StatusJSONImpl.mergeExtendedTweet). The domain keeps both, so for an extended
 * tweet the truncated {@code text} is read by twitter4j from the same JSON without {@code extended_tweet}; both texts
 * are then HTML-unescaped the same way ({@code &amp;amp;} to {@code &}, as Twitter escapes them).
 */
public final class V1Messages {

    static {
        Twitter4jLogging.install();
    }

    private static final String SUBJECT = "stream message";
    private static final int EXCERPT = 80;
    private static final Pattern INPUT_QUOTED = Pattern.compile("(at character \\d+) of .*");

    private V1Messages() {
    }

    /** Is this line one of the blank lines Twitter sends to keep a connection open? They carry no message. */
    public static boolean isKeepAlive(String line) {
        return line == null || line.isBlank();
    }

    /**
     * Reads one line of the stream. A line that is not a message Twitter sends becomes {@link StreamMessage.Malformed}.
     *
     * <p>An interrupt pending when the read begins is pending when it returns. One that arrives while twitter4j reads
     * a status can be lost: twitter4j 4.0.7 clears the interrupt as it reads a date (ParseUtil.getDate hands its
     * date format back with {@code LinkedBlockingQueue.put} and ignores the {@code InterruptedException}). So a thread
     * that is stopped by an interrupt should not parse; the replay parses on a thread of its own.
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
        return parseObject(line).fold(V1Messages::malformed, json -> {
            try {
                return classify(json, line);
            } catch (RuntimeException e) {
                // The type was clear but a field was not what Twitter sends: report it, never throw.
                return malformed("a message whose fields are not as Twitter sends them (" + describe(e) + "): "
                        + excerpt(line));
            }
        });
    }

    private static Either<String, JSONObject> parseObject(String line) {
        try {
            JSONTokener tokens = new JSONTokener(line);
            Object value = tokens.nextValue();
            if (!(value instanceof JSONObject object)) {
                return Either.left("not a JSON object: " + excerpt(line));
            }
            if (tokens.nextClean() != 0) {
                return Either.left("text after the JSON object: " + excerpt(line));
            }
            return Either.right(object);
        } catch (RuntimeException e) {
            return Either.left("not JSON (" + describe(e) + "): " + excerpt(line));
        }
    }

    private static StreamMessage classify(JSONObject json, String line) {
        return switch (JSONObjectType.determine(json)) {
            case STATUS -> status(json, line);
            case DELETE -> deletion(json);
            case LIMIT -> new StreamMessage.Limit(json.getJSONObject("limit").getLong("track"));
            case STALL_WARNING -> stallWarning(json.getJSONObject("warning"));
            case DISCONNECTION -> disconnect(json.getJSONObject("disconnect"));
            default -> new StreamMessage.Notice(StreamMessage.Notice.Kind.UNKNOWN,
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

    private static StreamMessage status(JSONObject json, String line) {
        boolean extended = json.optJSONObject("extended_tweet") != null;
        Either<String, Status> status = twitter4jStatus(line);
        Either<String, Option<Status>> unextended = extended
                ? twitter4jStatus(withoutExtension(json)).map(Option::some)
                : Either.right(Option.none());
        return status.flatMap(full -> unextended.flatMap(plain -> toTweet(full, plain)))
                .fold(reason -> malformed("a status " + reason + ": " + excerpt(line)),
                        StreamMessage.Status::new);
    }

    private static Either<String, Status> twitter4jStatus(String json) {
        return Try.of(() -> TwitterObjectFactory.createStatus(json))
                .toEither()
                .mapLeft(e -> "twitter4j cannot read (" + describe(e) + ")");
    }

    private static String withoutExtension(JSONObject json) {
        JSONObject copy = new JSONObject(json, json.keySet().toArray(new String[0]));
        copy.remove("extended_tweet");
        return copy.toString();
    }

    /**
     * A twitter4j status as a domain tweet. For an extended tweet, {@code status} was read with its
     * {@code extended_tweet} (its text is the full text) and {@code unextended} without it (its text is the truncated
     * {@code text}).
     */
    static Either<String, Tweet> toTweet(Status status, Option<Status> unextended) {
        if (status.getUser() == null || status.getUser().getScreenName() == null) {
            return Either.left("without a user");
        }
        if (status.getCreatedAt() == null) {
            return Either.left("without created_at");
        }
        if (status.getText() == null) {
            return Either.left("without text");
        }
        Either<Rejection, Language> language = status.getLang() == null
                ? Either.right(Language.UNDETERMINED)
                : Language.of(status.getLang());
        return TweetId.of(status.getId()).mapLeft(Rejection::reason)
                .flatMap(id -> language.mapLeft(Rejection::reason).map(lang -> new Tweet(id,
                        unextended.map(Status::getText).getOrElse(status.getText()),
                        unextended.map(plain -> status.getText()),
                        lang,
                        status.getCreatedAt().toInstant(),
                        new Author(status.getUser().getId(), status.getUser().getScreenName()),
                        entities(status))));
    }

    /**
     * What Twitter marked in the body. For an extended tweet, twitter4j 4.0.7 reads {@code extended_tweet.entities}
     * into the status in place of {@code entities} (StatusJSONImpl.mergeExtendedTweet), as it does the text; if
     * {@code extended_tweet} has none, it keeps {@code entities}. A URL is its {@code expanded_url} when Twitter gives
     * one, else its {@code url}.
     */
    static Entities entities(Status status) {
        return new Entities(
                entities(status.getHashtagEntities()).map(HashtagEntity::getText),
                entities(status.getUserMentionEntities()).map(UserMentionEntity::getScreenName),
                entities(status.getURLEntities()).map(url -> url.getExpandedURL() == null
                        || url.getExpandedURL().isEmpty() ? url.getURL() : url.getExpandedURL()));
    }

    private static <T> Array<T> entities(T[] found) {
        return found == null ? Array.empty() : Array.of(found);
    }

    private static StreamMessage malformed(String reason) {
        return new StreamMessage.Malformed(Rejection.of(SUBJECT, reason));
    }

    /**
     * The first line of the library's message, less the copy of the whole input its JSON parser appends ("at
     * character 1378 of {...}"): the excerpt that follows it says what the line was, once.
     */
    private static String describe(Throwable e) {
        String message = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        return INPUT_QUOTED.matcher(first).replaceFirst("$1");
    }

    private static String excerpt(String line) {
        String flat = line.strip();
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "…";
    }
}
