package io.tweetpipe.adapters.twitter.v2;

import io.tweetpipe.adapters.twitter.v1.V1JsonLines;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.Tweet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes lines the way X's v2 filtered stream sends them, asked for {@link V2Messages#TWEET_FIELDS} and the author
 * expansion: {@code data} with string ids and an ISO 8601 {@code created_at}, texts HTML-escaped, a long post's whole
 * text in {@code note_tweet}, the author in {@code includes.users}. For tests only.
 */
public final class V2JsonLines {

    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private V2JsonLines() {
    }

    /** A post, without {@code matching_rules} (the endpoint adds those). */
    public static String post(Tweet tweet) {
        return V1JsonLines.write(postObject(tweet));
    }

    /** The post as a map, for a test that edits it before writing. */
    public static Map<String, Object> postObject(Tweet tweet) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("author_id", Long.toString(tweet.author().id()));
        data.put("created_at", createdAt(tweet.createdAt()));
        data.put("edit_history_tweet_ids", List.of(Long.toString(tweet.id().value())));
        data.put("entities", entities(tweet.text(), tweet.isExtended() ? Entities.extract(tweet.text())
                : tweet.entities()));
        data.put("id", Long.toString(tweet.id().value()));
        data.put("lang", tweet.language().code());
        tweet.fullText().forEach(full -> {
            Map<String, Object> note = new LinkedHashMap<>();
            note.put("text", V1JsonLines.htmlEscape(full));
            note.put("entities", entities(full, tweet.entities()));
            data.put("note_tweet", note);
        });
        data.put("text", V1JsonLines.htmlEscape(tweet.text()));
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", Long.toString(tweet.author().id()));
        user.put("name", "User " + tweet.author().id());
        user.put("username", tweet.author().screenName());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("data", data);
        line.put("includes", Map.of("users", List.of(user)));
        return line;
    }

    /** What X sends before it closes a stream for maintenance. */
    public static String operationalDisconnect() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("title", "operational-disconnect");
        error.put("disconnect_type", "UpstreamOperationalDisconnect");
        error.put("detail", "This stream has been disconnected upstream for operational reasons.");
        error.put("type", "https://api.x.com/2/problems/operational-disconnect");
        return V1JsonLines.write(Map.of("errors", List.of(error)));
    }

    /** Another problem X may report in the stream. */
    public static String problem(String title, String detail) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("title", title);
        error.put("detail", detail);
        error.put("type", "https://api.x.com/2/problems/" + title);
        return V1JsonLines.write(Map.of("errors", List.of(error)));
    }

    public static String createdAt(Instant instant) {
        return CREATED_AT.format(instant);
    }

    /** v2's entities, each with the code-point range it covers in the text, as X gives them. */
    private static Map<String, Object> entities(String text, Entities entities) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hashtags", located(text, entities.hashtags().toJavaList(), tag -> "#" + tag,
                tag -> Map.of("tag", tag)));
        out.put("mentions", located(text, entities.mentions().toJavaList(), name -> "@" + name,
                name -> Map.of("username", name, "id", Long.toString((name.hashCode() & Integer.MAX_VALUE) + 1L))));
        out.put("urls", located(text, entities.urls().toJavaList(), url -> url,
                url -> Map.of("url", url, "expanded_url", url, "display_url", url.replaceFirst("^https?://", ""))));
        return out;
    }

    private static List<Object> located(String text, List<String> found, Function<String, String> written,
                                        Function<String, Map<String, Object>> fields) {
        List<Object> out = new ArrayList<>();
        int from = 0;
        for (String each : found) {
            int at = Math.max(0, text.indexOf(written.apply(each), from));
            int end = Math.min(text.length(), at + written.apply(each).length());
            Map<String, Object> entity = new LinkedHashMap<>();
            entity.put("start", text.codePointCount(0, at));
            entity.put("end", text.codePointCount(0, end));
            entity.putAll(fields.apply(each));
            out.add(entity);
            from = end;
        }
        return out;
    }
}
