package io.tweetpipe.domain.framing;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.Language;
import io.tweetpipe.domain.tweet.Tweet;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * The structured wire's record: the record separator U+001E, then one flat JSON object, as in a JSON text sequence
 * (RFC 7464); framing adds the marker and the newline. For example, less the separator:
 *
 * <pre>{"id":1993000000003194797,"created_at":"2026-11-24T10:00:00Z","lang":"pt","author":"kavetonasumo46",
 * "body":"tomei a #covid19 vacina hoje","extended":false,"hashtags":["covid19"],"mentions":[],"urls":[]}</pre>
 *
 * <p>Why a separator first: a text frame never starts with it (the text wire strips white space, and U+001E is white
 * space to Java), so one byte tells the two wires apart, in the same stream, without a guess from the content. Why
 * JSON: every language reads it, and one record per line is what a tutorial's client expects.
 *
 * <p>The writer never puts the marker or a line break inside: strings escape control characters and U+0085, U+2028
 * and U+2029 as {@code \}{@code uXXXX}, and an underscore followed by another as {@code \}{@code u005f}, so two
 * underscores never stand side by side and {@code __end} cannot appear. A lone surrogate, which UTF-8 cannot carry,
 * becomes U+FFFD, as on the text wire.
 *
 * <p>The reader is strict JSON (RFC 8259) for this flat schema: an object whose values are strings, numbers,
 * {@code true}, {@code false}, {@code null} or arrays of strings, no key twice, nothing after it. {@code body} is
 * required; the other fields may be missing or null; a key it does not know is skipped, so a newer relay may add
 * fields. Anything else is a {@link Rejection}, never an exception.
 */
public final class StructuredFormat {

    /** The first character of every structured frame: ASCII RS, the record separator of RFC 7464. */
    public static final char RECORD_SEPARATOR = '\u001E';

    private static final String SUBJECT = "structured frame";

    private StructuredFormat() {
    }

    /**
     * Whether a frame's text (what stands before its marker) is a structured record rather than a text tweet: the
     * record separator comes first, or right after one newline, the one that ended the frame before (a receiver cuts
     * on the marker alone, so that newline starts the next frame, and the first frame of a chunk keeps it).
     */
    public static boolean isStructured(String frame) {
        int at = recordStart(frame);
        return frame.length() > at && frame.charAt(at) == RECORD_SEPARATOR;
    }

    private static int recordStart(String frame) {
        return frame.startsWith("\n") ? 1 : 0;
    }

    /** The separator and the JSON object for a tweet: what a structured frame holds before its marker. */
    public static String write(Tweet tweet) {
        StringBuilder out = new StringBuilder(tweet.body().length() + 256).append(RECORD_SEPARATOR);
        out.append("{\"id\":").append(tweet.id().value());
        out.append(",\"created_at\":");
        string(tweet.createdAt().toString(), out);
        out.append(",\"lang\":");
        string(tweet.language().code(), out);
        out.append(",\"author\":");
        string(tweet.author().screenName(), out);
        out.append(",\"body\":");
        string(tweet.body(), out);
        out.append(",\"extended\":").append(tweet.isExtended());
        out.append(",\"hashtags\":");
        strings(tweet.entities().hashtags(), out);
        out.append(",\"mentions\":");
        strings(tweet.entities().mentions(), out);
        out.append(",\"urls\":");
        strings(tweet.entities().urls(), out);
        return out.append('}').toString();
    }

    /**
     * Reads a structured frame's text, the separator first (see {@link #isStructured}), its marker cut off. The
     * record is as it was sent: its body is not preprocessed yet.
     */
    public static Either<Rejection, TweetRecord> read(String frame) {
        if (!isStructured(frame)) {
            return Either.left(Rejection.of(SUBJECT, "does not start with the record separator U+001E"));
        }
        JsonReader reader = new JsonReader(frame, recordStart(frame) + 1);
        Map<String, Object> fields = reader.object();
        if (fields == null) {
            return Either.left(Rejection.of(SUBJECT, reader.problem + " at character " + reader.at));
        }
        return record(fields).mapLeft(reason -> Rejection.of(SUBJECT, reason));
    }

    private static Either<String, TweetRecord> record(Map<String, Object> fields) {
        Object body = fields.get("body");
        if (!(body instanceof String text)) {
            return Either.left("'body' is " + (body == null ? "missing" : "not a string"));
        }
        Object extended = fields.getOrDefault("extended", JsonReader.NULL);
        if (extended != JsonReader.NULL && !(extended instanceof Boolean)) {
            return Either.left("'extended' is not true or false");
        }
        Either<String, Option<Long>> id = optional(fields, "id", JsonReader.Number.class)
                .flatMap(number -> number.isEmpty() ? Either.right(Option.none()) : tweetId(number.get()));
        Either<String, Option<Instant>> createdAt = optional(fields, "created_at", String.class)
                .flatMap(time -> time.isEmpty() ? Either.right(Option.none()) : instant(time.get()));
        Either<String, Option<String>> lang = optional(fields, "lang", String.class)
                .flatMap(code -> code.isEmpty() ? Either.right(Option.none())
                        : Language.of(code.get()).map(Language::code).map(Option::some)
                                .mapLeft(rejection -> "'lang' " + rejection.reason()));
        Either<String, Option<String>> author = optional(fields, "author", String.class);
        Either<String, Seq<String>> hashtags = list(fields, "hashtags");
        Either<String, Seq<String>> mentions = list(fields, "mentions");
        Either<String, Seq<String>> urls = list(fields, "urls");
        return id.flatMap(i -> createdAt.flatMap(c -> lang.flatMap(l -> author.flatMap(a -> hashtags.flatMap(
                h -> mentions.flatMap(m -> urls.map(u -> new TweetRecord(i, c, l, a, text,
                        Boolean.TRUE.equals(extended), new Entities(h, m, u)))))))));
    }

    private static <T> Either<String, Option<T>> optional(Map<String, Object> fields, String key, Class<T> type) {
        Object value = fields.getOrDefault(key, JsonReader.NULL);
        if (value == JsonReader.NULL) {
            return Either.right(Option.none());
        }
        return type.isInstance(value) ? Either.right(Option.some(type.cast(value)))
                : Either.left("'" + key + "' is not a " + (type == String.class ? "string" : "number"));
    }

    private static Either<String, Seq<String>> list(Map<String, Object> fields, String key) {
        Object value = fields.getOrDefault(key, JsonReader.NULL);
        if (value == JsonReader.NULL) {
            return Either.right(Array.empty());
        }
        if (!(value instanceof Seq<?> items)) {
            return Either.left("'" + key + "' is not a list of strings");
        }
        @SuppressWarnings("unchecked")
        Seq<String> strings = (Seq<String>) items;  // the reader's arrays hold strings alone
        return Either.right(strings);
    }

    /** A positive whole number that fits a long, as Twitter's ids do. */
    private static Either<String, Option<Long>> tweetId(JsonReader.Number number) {
        String digits = number.literal();
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 19
                || digits.length() == 19 && digits.compareTo(Long.toString(Long.MAX_VALUE)) > 0
                || digits.chars().allMatch(c -> c == '0')) {
            return Either.left("'id' is not a positive whole number of at most 64 bits: " + digits);
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            value = value * 10 + (digits.charAt(i) - '0');
        }
        return Either.right(Option.some(value));
    }

    /** An instant as {@link Instant#toString} writes it for years 0000 to 9999: {@code 2026-11-24T10:00:00.250Z}. */
    private static Either<String, Option<Instant>> instant(String text) {
        Either<String, Option<Instant>> refused = Either.left("'created_at' is not an instant such as "
                + "2026-11-24T10:00:00Z: " + text);
        int n = text.length();
        if (n < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(n - 1) != 'Z') {
            return refused;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21;  // after the point, before the Z
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9 || digits(text, 20, n - 1) < 0) {
                return refused;
            }
            nanos = digits(text, 20, n - 1);
            for (int scale = fraction; scale < 9; scale++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return refused;
        }
        return Either.right(Option.some(LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                .toInstant(ZoneOffset.UTC)));
    }

    /** The decimal number in {@code text[from, to)}, or -1 if a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void strings(Seq<String> values, StringBuilder out) {
        out.append('[');
        boolean first = true;
        for (String value : values) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(value, out);
        }
        out.append(']');
    }

    private static void string(String value, StringBuilder out) {
        out.append('"');
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '_' -> out.append(i + 1 < n && value.charAt(i + 1) == '_' ? "\\u005f" : "_");
                default -> {
                    if (c < 0x20 || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                        out.append("\\u");
                        for (int shift = 12; shift >= 0; shift -= 4) {
                            out.append(Character.forDigit(c >> shift & 0xF, 16));
                        }
                    } else if (Character.isHighSurrogate(c) && i + 1 < n
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A strict reader of one flat JSON object; it says what it could not read instead of throwing. */
    private static final class JsonReader {

        /** JSON's null, as a value the fields map can hold. */
        static final Object NULL = new Object();

        /** A number, kept as written: only the id is read as one, and only if it is whole. */
        record Number(String literal) {
        }

        private final String text;
        int at;
        String problem;

        JsonReader(String text, int at) {
            this.text = text;
            this.at = at;
        }

        /** The object's fields, or null with {@link #problem} set. */
        Map<String, Object> object() {
            Map<String, Object> fields = new HashMap<>();
            skipSpace();
            if (!take('{')) {
                return fail("a JSON object must start here");
            }
            skipSpace();
            if (!take('}')) {
                do {
                    skipSpace();
                    int keyAt = at;
                    String key = string();
                    if (key == null) {
                        return null;
                    }
                    skipSpace();
                    if (!take(':')) {
                        return fail("a ':' must follow a key");
                    }
                    skipSpace();
                    Object value = value();
                    if (value == null) {
                        return null;
                    }
                    if (fields.put(key, value) != null) {
                        at = keyAt;
                        return fail("the key '" + key + "' comes twice");
                    }
                    skipSpace();
                } while (take(','));
                if (!take('}')) {
                    return fail("a ',' or '}' must come here");
                }
            }
            skipSpace();
            if (at != text.length()) {
                return fail("nothing may follow the object");
            }
            return fields;
        }

        private Object value() {
            if (at >= text.length()) {
                return fail("a value must come here");
            }
            char c = text.charAt(at);
            if (c == '"') {
                return string();
            }
            if (c == '[') {
                return strings();
            }
            if (c == '-' || c >= '0' && c <= '9') {
                return number();
            }
            if (text.startsWith("true", at)) {
                at += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("false", at)) {
                at += 5;
                return Boolean.FALSE;
            }
            if (text.startsWith("null", at)) {
                at += 4;
                return NULL;
            }
            return fail(c == '{' ? "a structured record is flat: no object inside it" : "not a JSON value");
        }

        private Seq<String> strings() {
            at++;  // [
            java.util.List<String> items = new ArrayList<>();
            skipSpace();
            if (take(']')) {
                return Array.empty();
            }
            do {
                skipSpace();
                if (at >= text.length() || text.charAt(at) != '"') {
                    return fail("a list holds strings alone");
                }
                items.add(string());
                if (items.get(items.size() - 1) == null) {
                    return null;
                }
                skipSpace();
            } while (take(','));
            if (!take(']')) {
                return fail("a ',' or ']' must come here");
            }
            return Array.ofAll(items);
        }

        private Number number() {
            int start = at;
            take('-');
            if (take('0')) {
                if (digit()) {
                    return fail("a number does not start with 0");
                }
            } else if (!digits()) {
                return fail("a number must have digits");
            }
            if (take('.') && !digits()) {
                return fail("a fraction must have digits");
            }
            if (take('e') || take('E')) {
                if (!take('+')) {
                    take('-');
                }
                if (!digits()) {
                    return fail("an exponent must have digits");
                }
            }
            return new Number(text.substring(start, at));
        }

        private String string() {
            if (!take('"')) {
                return fail("a string must start here");
            }
            StringBuilder out = null;
            int copied = at;
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c == '"') {
                    String value = out == null ? text.substring(copied, at)
                            : out.append(text, copied, at).toString();
                    at++;
                    return value;
                }
                if (c < 0x20) {
                    return fail("a control character must be escaped in a string");
                }
                if (c != '\\') {
                    at++;
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder();
                }
                out.append(text, copied, at);
                if (at + 1 >= text.length()) {
                    return fail("an escape is cut short");
                }
                char escaped = text.charAt(at + 1);
                switch (escaped) {
                    case '"', '\\', '/' -> out.append(escaped);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        int code = at + 6 <= text.length() ? hex(at + 2, at + 6) : -1;
                        if (code < 0) {
                            return fail("\\u must be followed by four hexadecimal digits");
                        }
                        out.append((char) code);
                        at += 4;
                    }
                    default -> {
                        return fail("'\\" + escaped + "' is not a JSON escape");
                    }
                }
                at += 2;
                copied = at;
            }
            return fail("a string is not closed");
        }

        private int hex(int from, int to) {
            int value = 0;
            for (int i = from; i < to; i++) {
                int digit = Character.digit(text.charAt(i), 16);
                if (digit < 0 || text.charAt(i) > 'f') {  // ASCII hexadecimal digits only
                    return -1;
                }
                value = value << 4 | digit;
            }
            return value;
        }

        private boolean digits() {
            if (!digit()) {
                return false;
            }
            while (digit()) {
                // consumed
            }
            return true;
        }

        private boolean digit() {
            if (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
                return true;
            }
            return false;
        }

        private boolean take(char expected) {
            if (at < text.length() && text.charAt(at) == expected) {
                at++;
                return true;
            }
            return false;
        }

        private void skipSpace() {
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                at++;
            }
        }

        private <T> T fail(String why) {
            problem = why;
            return null;
        }
    }
}
