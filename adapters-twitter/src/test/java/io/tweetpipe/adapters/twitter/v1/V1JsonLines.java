package io.tweetpipe.adapters.twitter.v1;

import io.tweetpipe.domain.tweet.Tweet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes messages the way Twitter's v1.1 streaming API sends them: one JSON object a line, Twitter's field names and
 * order, {@code created_at} in Twitter's format, {@code &}, {@code <} and {@code >} HTML-escaped in texts and every
 * non-ASCII character as a {@code \\u} escape, as Twitter's encoder did. For tests and the sample generator only.
 */
public final class V1JsonLines {

    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss xx yyyy", Locale.US).withZone(ZoneOffset.UTC);
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\w&])#(\\w+)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern MENTION = Pattern.compile("(?<!\\w)@(\\w{1,15})");
    private static final Pattern URL = Pattern.compile("https?://[^\\s\u2028\u2029]+");

    private V1JsonLines() {
    }

    /** A status, named as its author's screen name. */
    public static String status(Tweet tweet) {
        return status(tweet, tweet.author().screenName());
    }

    /** A status; an extended tweet gets {@code truncated}, its truncated {@code text} and {@code extended_tweet}. */
    public static String status(Tweet tweet, String authorName) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("created_at", createdAt(tweet.createdAt()));
        json.put("id", tweet.id().value());
        json.put("id_str", Long.toString(tweet.id().value()));
        json.put("text", htmlEscape(tweet.text()));
        json.put("source", "<a href=\"https://example.org/tweetpipe\" rel=\"nofollow\">tweetpipe sample</a>");
        json.put("truncated", tweet.isExtended());
        json.put("in_reply_to_status_id", null);
        json.put("in_reply_to_status_id_str", null);
        json.put("in_reply_to_user_id", null);
        json.put("in_reply_to_user_id_str", null);
        json.put("in_reply_to_screen_name", null);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", tweet.author().id());
        user.put("id_str", Long.toString(tweet.author().id()));
        user.put("name", authorName);
        user.put("screen_name", tweet.author().screenName());
        user.put("location", null);
        user.put("description", null);
        user.put("protected", false);
        user.put("verified", false);
        user.put("followers_count", 0);
        user.put("friends_count", 0);
        user.put("statuses_count", 1);
        user.put("created_at", createdAt(Instant.parse("2020-01-01T00:00:00Z")));
        user.put("lang", null);
        json.put("user", user);
        json.put("geo", null);
        json.put("coordinates", null);
        json.put("place", null);
        json.put("contributors", null);
        json.put("is_quote_status", false);
        tweet.fullText().forEach(full -> {
            Map<String, Object> extended = new LinkedHashMap<>();
            extended.put("full_text", htmlEscape(full));
            extended.put("display_text_range", List.of(0, full.codePointCount(0, full.length())));
            extended.put("entities", entities(full));
            json.put("extended_tweet", extended);
        });
        json.put("quote_count", 0);
        json.put("reply_count", 0);
        json.put("retweet_count", 0);
        json.put("favorite_count", 0);
        json.put("entities", entities(tweet.text()));
        json.put("favorited", false);
        json.put("retweeted", false);
        json.put("filter_level", "low");
        json.put("lang", tweet.language().code());
        json.put("timestamp_ms", Long.toString(tweet.createdAt().toEpochMilli()));
        return write(json);
    }

    public static String deletion(long statusId, long userId, Instant at) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", statusId);
        status.put("id_str", Long.toString(statusId));
        status.put("user_id", userId);
        status.put("user_id_str", Long.toString(userId));
        Map<String, Object> delete = new LinkedHashMap<>();
        delete.put("status", status);
        delete.put("timestamp_ms", Long.toString(at.toEpochMilli()));
        return write(Map.of("delete", delete));
    }

    public static String limit(long undelivered, Instant at) {
        Map<String, Object> limit = new LinkedHashMap<>();
        limit.put("track", undelivered);
        limit.put("timestamp_ms", Long.toString(at.toEpochMilli()));
        return write(Map.of("limit", limit));
    }

    public static String stallWarning(int percentFull) {
        Map<String, Object> warning = new LinkedHashMap<>();
        warning.put("code", "FALLING_BEHIND");
        warning.put("message", "Your connection is falling behind and messages are being queued for delivery to you. "
                + "Your queue is now over " + percentFull + "% full. You will be disconnected when the queue is full.");
        warning.put("percent_full", percentFull);
        return write(Map.of("warning", warning));
    }

    public static String disconnect(int code, String streamName, String reason) {
        Map<String, Object> disconnect = new LinkedHashMap<>();
        disconnect.put("code", code);
        disconnect.put("stream_name", streamName);
        disconnect.put("reason", reason);
        return write(Map.of("disconnect", disconnect));
    }

    /** Entities as Twitter gives them: hashtags, URLs and mentions with code-point indices into the text. */
    private static Map<String, Object> entities(String text) {
        Map<String, Object> entities = new LinkedHashMap<>();
        entities.put("hashtags", found(HASHTAG, text, m -> {
            Map<String, Object> tag = new LinkedHashMap<>();
            tag.put("text", m.group(1));
            return tag;
        }));
        entities.put("urls", found(URL, text, m -> {
            Map<String, Object> url = new LinkedHashMap<>();
            url.put("url", m.group());
            url.put("expanded_url", m.group());
            url.put("display_url", m.group().replaceFirst("^https?://", ""));
            return url;
        }));
        entities.put("user_mentions", found(MENTION, text, m -> {
            Map<String, Object> mention = new LinkedHashMap<>();
            mention.put("screen_name", m.group(1));
            mention.put("name", m.group(1));
            mention.put("id", (long) (m.group(1).hashCode() & Integer.MAX_VALUE) + 1);
            mention.put("id_str", Long.toString((long) (m.group(1).hashCode() & Integer.MAX_VALUE) + 1));
            return mention;
        }));
        entities.put("symbols", List.of());
        return entities;
    }

    private static List<Object> found(Pattern pattern, String text,
                                      java.util.function.Function<Matcher, Map<String, Object>> entity) {
        List<Object> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            Map<String, Object> one = entity.apply(m);
            one.put("indices", List.of(text.codePointCount(0, m.start()), text.codePointCount(0, m.end())));
            out.add(one);
        }
        return out;
    }

    public static String createdAt(Instant instant) {
        return CREATED_AT.format(instant);
    }

    /** Twitter escapes exactly these three in {@code text} and {@code full_text}. */
    public static String htmlEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** JSON for maps, lists, strings, numbers, booleans and null; non-ASCII as {@code \\u} escapes. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(512);
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            quote(s, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(String.valueOf(e.getKey()), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass());
        }
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '/' -> out.append("\\/");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
