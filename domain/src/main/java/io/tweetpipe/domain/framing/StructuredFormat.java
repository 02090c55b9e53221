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
        return isStructured(frame, 0, frame.length());
    }

    /** As {@link #isStructured(String)}, for the frame {@code text[from, to)}. */
    public static boolean isStructured(String text, int from, int to) {
        return separatorAt(text, from, to) >= 0;
    }

    /** Where the frame's record separator is, or -1. */
    private static int separatorAt(String text, int from, int to) {
        int at = from < to && text.charAt(from) == '\n' ? from + 1 : from;
        return at < to && text.charAt(at) == RECORD_SEPARATOR ? at : -1;
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
        if (tweet.author().isKnown()) {
            string(tweet.author().screenName(), out);
        } else {
            out.append("null");
        }
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
        return read(frame, 0, frame.length());
    }

    /** As {@link #read(String)}, for the frame {@code text[from, to)}: a decoder reads a chunk without cutting it. */
    public static Either<Rejection, TweetRecord> read(String text, int from, int to) {
        int separator = separatorAt(text, from, to);
        if (separator < 0) {
            return Either.left(Rejection.of(SUBJECT, "does not start with the record separator U+001E"));
        }
        RecordReader reader = new RecordReader(text, separator + 1, to);
        TweetRecord record = reader.record();
        return record != null ? Either.right(record)
                : Either.left(Rejection.of(SUBJECT, reader.problem + " (at character " + (reader.at - from) + ")"));
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

    /** An instant as {@link Instant#toString} writes it for years 0000 to 9999, or null. */
    private static Instant instant(String text) {
        int n = text.length();
        if (n < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21;  // the digits after the point, before the Z
            nanos = fraction < 1 || fraction > 9 || text.charAt(19) != '.' ? -1 : digits(text, 20, n - 1);
            for (int scale = fraction; scale < 9 && nanos > 0; scale++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
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

    /**
     * A strict reader of one flat JSON object into a record's fields; it says what it could not read instead of
     * throwing. The schema's keys are matched where they stand and no map is built: it runs for every structured
     * record the stream reads.
     */
    private static final class RecordReader {

        private static final String[] KEYS = {"id", "created_at", "lang", "author", "body", "extended", "hashtags",
            "mentions", "urls"};
        private static final java.util.List<String> KEY_LIST = java.util.List.of(KEYS);
        private static final String[] QUOTED_KEYS = KEY_LIST.stream().map(key -> '"' + key + '"')
                .toArray(String[]::new);
        private static final int ID = 0;
        private static final int CREATED_AT = 1;
        private static final int LANG = 2;
        private static final int AUTHOR = 3;
        private static final int BODY = 4;
        private static final int EXTENDED = 5;
        private static final int HASHTAGS = 6;
        private static final int MENTIONS = 7;
        private static final int URLS = 8;
        private static final int UNKNOWN = -1;

        private final String text;
        private final int end;
        int at;
        String problem;

        private int seen;  // a bit per key of the schema read so far
        private java.util.Set<String> unknownKeys;
        private Option<Long> id = Option.none();
        private Option<Instant> createdAt = Option.none();
        private Option<String> lang = Option.none();
        private Option<String> author = Option.none();
        private String body;
        private boolean extended;
        private Seq<String> hashtags = Array.empty();
        private Seq<String> mentions = Array.empty();
        private Seq<String> urls = Array.empty();

        RecordReader(String text, int at, int end) {
            this.text = text;
            this.at = at;
            this.end = end;
        }

        /** The record, or null with {@link #problem} set. */
        TweetRecord record() {
            skipSpace();
            if (!take('{')) {
                return fail("a JSON object must start here");
            }
            skipSpace();
            if (!take('}')) {
                do {
                    skipSpace();
                    if (!member()) {
                        return null;
                    }
                    skipSpace();
                } while (take(','));
                if (!take('}')) {
                    return fail("a ',' or '}' must come here");
                }
            }
            skipSpace();
            if (at != end) {
                return fail("nothing may follow the object");
            }
            if (body == null) {
                return fail("'body' is missing");
            }
            return new TweetRecord(id, createdAt, lang, author, body, extended,
                    new Entities(hashtags, mentions, urls));
        }

        /** One key and its value, read into its field. */
        private boolean member() {
            int keyAt = at;
            int key = knownKey();
            if (key == UNKNOWN) {
                String name = string();
                if (name == null) {
                    return false;
                }
                key = KEY_LIST.indexOf(name);  // a key of the schema written with escapes
                if (key == UNKNOWN) {
                    unknownKeys = unknownKeys == null ? new java.util.HashSet<>() : unknownKeys;
                    if (!unknownKeys.add(name)) {
                        at = keyAt;
                        return failed("the key '" + name + "' comes twice");
                    }
                }
            }
            if (key != UNKNOWN) {
                if ((seen & 1 << key) != 0) {
                    at = keyAt;
                    return failed("the key '" + KEYS[key] + "' comes twice");
                }
                seen |= 1 << key;
            }
            skipSpace();
            if (!take(':')) {
                return failed("a ':' must follow a key");
            }
            skipSpace();
            if (key == UNKNOWN) {
                return skipValue();
            }
            if (literal("null")) {
                return key != BODY || failed("'body' is not a string");  // null: the field is not given
            }
            return switch (key) {
                case ID -> id();
                case CREATED_AT -> createdAt();
                case LANG -> lang();
                case AUTHOR -> author();
                case BODY -> (body = stringField(BODY)) != null;
                case EXTENDED -> extended();
                case HASHTAGS -> (hashtags = strings(HASHTAGS)) != null;
                case MENTIONS -> (mentions = strings(MENTIONS)) != null;
                default -> (urls = strings(URLS)) != null;
            };
        }

        /** A key of the schema written plainly, taken; or {@link #UNKNOWN}, with nothing taken. */
        private int knownKey() {
            for (int key = 0; key < QUOTED_KEYS.length; key++) {
                if (literal(QUOTED_KEYS[key])) {
                    return key;
                }
            }
            return UNKNOWN;
        }

        /** A positive whole number that fits a long, as Twitter's ids do. */
        private boolean id() {
            int start = at;
            if (at >= end || text.charAt(at) != '-' && (text.charAt(at) < '0' || text.charAt(at) > '9')) {
                return failed("'id' is not a number");
            }
            if (!number()) {
                return false;
            }
            long value = 0;
            for (int i = start; i < at; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9' || value > (Long.MAX_VALUE - (c - '0')) / 10) {
                    at = start;
                    return failed("'id' is not a whole number from 1 to 2^63 - 1");
                }
                value = value * 10 + (c - '0');
            }
            if (value == 0) {
                at = start;
                return failed("'id' is not a whole number from 1 to 2^63 - 1");
            }
            id = Option.some(value);
            return true;
        }

        private boolean createdAt() {
            int start = at;
            String time = stringField(CREATED_AT);
            if (time == null) {
                return false;
            }
            Instant instant = instant(time);
            if (instant == null) {
                at = start;
                return failed("'created_at' is not an instant such as 2026-11-24T10:00:00Z");
            }
            createdAt = Option.some(instant);
            return true;
        }

        private boolean lang() {
            int start = at;
            String code = stringField(LANG);
            if (code == null) {
                return false;
            }
            Either<Rejection, Language> language = Language.of(code);
            if (language.isLeft()) {
                at = start;
                return failed("'lang' " + language.getLeft().reason());
            }
            lang = Option.some(language.get().code());
            return true;
        }

        private boolean author() {
            String name = stringField(AUTHOR);
            author = Option.of(name);
            return name != null;
        }

        private boolean extended() {
            if (literal("true")) {
                extended = true;
                return true;
            }
            return literal("false") || failed("'extended' is not true or false");
        }

        /** A string, or null with {@link #problem} set. */
        private String stringField(int key) {
            if (at >= end || text.charAt(at) != '"') {
                return fail("'" + KEYS[key] + "' is not a string");
            }
            return string();
        }

        /** A list of strings, or null with {@link #problem} set. */
        private Seq<String> strings(int key) {
            if (!take('[')) {
                return fail("'" + KEYS[key] + "' is not a list of strings");  // never UNKNOWN: skipValue saw '['
            }
            skipSpace();
            if (take(']')) {
                return Array.empty();
            }
            java.util.List<String> items = new ArrayList<>(4);
            do {
                skipSpace();
                if (at >= end || text.charAt(at) != '"') {
                    return fail("a list holds strings alone");
                }
                String item = string();
                if (item == null) {
                    return null;
                }
                items.add(item);
                skipSpace();
            } while (take(','));
            if (!take(']')) {
                return fail("a ',' or ']' must come here");
            }
            return Array.ofAll(items);
        }

        /** Any value a flat record may hold, for a key the schema does not know. */
        private boolean skipValue() {
            if (at >= end) {
                return failed("a value must come here");
            }
            char c = text.charAt(at);
            if (c == '"') {
                return string() != null;
            }
            if (c == '[') {
                return strings(UNKNOWN) != null;
            }
            if (c == '-' || c >= '0' && c <= '9') {
                return number();
            }
            if (literal("true") || literal("false") || literal("null")) {
                return true;
            }
            return failed(c == '{' ? "a structured record is flat: no object inside it" : "not a JSON value");
        }

        /** A JSON number, taken whole. */
        private boolean number() {
            take('-');
            if (take('0')) {
                if (digits()) {
                    return failed("a number does not start with 0");
                }
            } else if (!digits()) {
                return failed("a number must have digits");
            }
            if (take('.') && !digits()) {
                return failed("a fraction must have digits");
            }
            if (take('e') || take('E')) {
                if (!take('+')) {
                    take('-');
                }
                if (!digits()) {
                    return failed("an exponent must have digits");
                }
            }
            return true;
        }

        /** A JSON string, unescaped, or null with {@link #problem} set. */
        private String string() {
            if (!take('"')) {
                return fail("a string must start here");
            }
            StringBuilder out = null;
            int copied = at;
            while (at < end) {
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
                    out = new StringBuilder(at - copied + 16);
                }
                out.append(text, copied, at);
                if (at + 1 >= end) {
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
                        int code = at + 6 <= end ? hex(at + 2, at + 6) : -1;
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
                char c = text.charAt(i);
                int digit = c > 'f' ? -1 : Character.digit(c, 16);  // ASCII hexadecimal digits only
                if (digit < 0) {
                    return -1;
                }
                value = value << 4 | digit;
            }
            return value;
        }

        /** One or more decimal digits, taken. */
        private boolean digits() {
            int start = at;
            while (at < end && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
            return at > start;
        }

        private boolean literal(String word) {
            if (at + word.length() <= end && text.startsWith(word, at)) {
                at += word.length();
                return true;
            }
            return false;
        }

        private boolean take(char expected) {
            if (at < end && text.charAt(at) == expected) {
                at++;
                return true;
            }
            return false;
        }

        private void skipSpace() {
            while (at < end) {
                char c = text.charAt(at);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                at++;
            }
        }

        /** Says why, for a caller that returns a value: null stands for "could not read". */
        private <T> T fail(String why) {
            problem = why;
            return null;
        }

        private boolean failed(String why) {
            problem = why;
            return false;
        }
    }
}
