package io.tweetpipe.adapters.twitter.json;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.TweetId;
import io.vavr.collection.Array;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import twitter4j.JSONArray;
import twitter4j.JSONObject;
import twitter4j.JSONTokener;

/**
 * What both readings of Twitter's messages (v1.1 and v2) do the same way: a line to a JSON object, optional fields
 * read as values (missing, null or of another type: absent), texts unescaped, and short reasons for what cannot be
 * read. The JSON types are twitter4j's, which every reading here shares.
 */
public final class TwitterJson {

    public static final String SUBJECT = "stream message";
    private static final int EXCERPT = 80;
    private static final Pattern INPUT_QUOTED = Pattern.compile("(at character \\d+) of .*");
    /** Twitter's snowflake ids count milliseconds from here (2010-11-04T01:42:54.657Z), above their 22 lowest bits. */
    private static final long SNOWFLAKE_EPOCH_MILLIS = 1_288_834_974_657L;

    private TwitterJson() {
    }

    /** Is this line one of the blank lines a stream sends to keep a connection open? They carry no message. */
    public static boolean isKeepAlive(String line) {
        return line == null || line.isBlank();
    }

    /**
     * One JSON object and nothing after it, or why the line is not one. The line must be JSON by RFC 8259
     * ({@link StrictJson}); twitter4j's tokener then reads it.
     */
    public static Either<String, JSONObject> object(String line) {
        Either<String, Integer> end = StrictJson.value(line);
        if (end.isLeft()) {
            return Either.left("not JSON (" + end.getLeft() + "): " + excerpt(line));
        }
        if (line.charAt(line.length() - line.stripLeading().length()) != '{') {
            return Either.left("not a JSON object: " + excerpt(line));
        }
        if (!StrictJson.onlySpaceFrom(line, end.get())) {
            return Either.left("text after the JSON object: " + excerpt(line));
        }
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

    public static Option<JSONObject> object(JSONObject json, String key) {
        return Option.of(json.optJSONObject(key));
    }

    /** A string field; absent when missing or null. A number or a boolean is taken as written. */
    public static Option<String> string(JSONObject json, String key) {
        Object value = json.opt(key);
        return value == null || JSONObject.NULL.equals(value) || value instanceof JSONObject
                || value instanceof JSONArray ? Option.none() : Option.some(value.toString());
    }

    /** A whole number, written as a number or in a string (as {@code id_str} and v2's ids are); else absent. */
    public static Option<Long> number(JSONObject json, String key) {
        Object value = json.opt(key);
        if (value instanceof Number n && !(value instanceof Double || value instanceof Float)) {
            return Option.some(n.longValue());
        }
        if (value instanceof String s) {
            return Try.of(() -> Long.parseLong(s.strip())).toOption();
        }
        return Option.none();
    }

    /** The objects in the array at {@code key}; anything else in it is skipped. */
    public static Array<JSONObject> objects(JSONObject json, String key) {
        JSONArray found = json.optJSONArray(key);
        if (found == null) {
            return Array.empty();
        }
        List<JSONObject> objects = new ArrayList<>(found.length());
        for (int i = 0; i < found.length(); i++) {
            JSONObject object = found.optJSONObject(i);
            if (object != null) {
                objects.add(object);
            }
        }
        return Array.ofAll(objects);
    }

    /** What {@code name} finds in each object of the array at {@code key}; objects it finds nothing in are skipped. */
    public static Array<String> each(JSONObject json, String key, Function<JSONObject, Option<String>> name) {
        return objects(json, key).flatMap(name);
    }

    /**
     * Twitter escapes exactly {@code &}, {@code <} and {@code >} in texts, in both API versions; one pass from the
     * left, so an escaped escape ({@code &amp;amp;}) becomes {@code &amp;}, as twitter4j unescapes it.
     */
    public static String htmlUnescaped(String text) {
        int amp = text.indexOf('&');
        if (amp < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, amp);
        for (int i = amp; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '&' && text.startsWith("&amp;", i)) {
                out.append('&');
                i += 4;
            } else if (c == '&' && text.startsWith("&lt;", i)) {
                out.append('<');
                i += 3;
            } else if (c == '&' && text.startsWith("&gt;", i)) {
                out.append('>');
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The time Twitter wrote into a snowflake id: for a post whose {@code created_at} is missing. */
    public static Instant snowflakeTime(TweetId id) {
        return Instant.ofEpochMilli(SNOWFLAKE_EPOCH_MILLIS + (id.value() >>> 22));
    }

    public static StreamMessage malformed(String reason) {
        return new StreamMessage.Malformed(Rejection.of(SUBJECT, reason));
    }

    /**
     * The first line of the library's message, less the copy of the whole input its JSON parser appends ("at
     * character 1378 of {...}"): the excerpt that follows it says what the line was, once.
     */
    public static String describe(Throwable e) {
        String message = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        return INPUT_QUOTED.matcher(first).replaceFirst("$1");
    }

    public static String excerpt(String line) {
        String flat = line.strip();
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "…";
    }
}
