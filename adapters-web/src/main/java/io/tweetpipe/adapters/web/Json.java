package io.tweetpipe.adapters.web;

/**
 * A JSON text written field by field: the few shapes the dashboard sends need no library. Strings are escaped so that
 * the text is valid JSON whatever a tweet holds (quotes, backslashes, control characters, lone surrogates) and stays
 * on one line (a Server-Sent Event's {@code data:} ends at a line break, and U+2028/U+2029 break lines in some
 * parsers), and so that {@code <}, {@code >} and {@code &} never appear raw: the text is inert wherever it lands.
 */
final class Json {

    private final StringBuilder out = new StringBuilder(256);
    /** Whether the object or array being written needs a comma before its next member. */
    private boolean comma;

    Json object() {
        separate();
        out.append('{');
        comma = false;
        return this;
    }

    Json endObject() {
        out.append('}');
        comma = true;
        return this;
    }

    Json array() {
        separate();
        out.append('[');
        comma = false;
        return this;
    }

    Json endArray() {
        out.append(']');
        comma = true;
        return this;
    }

    /** A member's name; its value follows. */
    Json name(String name) {
        separate();
        string(out, name);
        out.append(':');
        comma = false;
        return this;
    }

    Json value(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            string(out, value);
        }
        comma = true;
        return this;
    }

    Json value(long value) {
        separate();
        out.append(value);
        comma = true;
        return this;
    }

    /** A number that may be unknown: {@code NaN} and infinities are written {@code null}, which JSON can say. */
    Json value(double value) {
        separate();
        if (Double.isFinite(value)) {
            out.append(value);
        } else {
            out.append("null");
        }
        comma = true;
        return this;
    }

    Json value(boolean value) {
        separate();
        out.append(value);
        comma = true;
        return this;
    }

    Json nullValue() {
        separate();
        out.append("null");
        comma = true;
        return this;
    }

    /** Text already written by another {@code Json}, taken as one value. */
    Json raw(String json) {
        separate();
        out.append(json);
        comma = true;
        return this;
    }

    Json field(String name, String value) {
        return name(name).value(value);
    }

    Json field(String name, long value) {
        return name(name).value(value);
    }

    Json field(String name, boolean value) {
        return name(name).value(value);
    }

    private void separate() {
        if (comma) {
            out.append(',');
            comma = false;
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** One JSON string, quoted. */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2);
        string(quoted, value);
        return quoted.toString();
    }

    private static void string(StringBuilder out, String value) {
        out.append('"');
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> unicode(out, c);
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        unicode(out, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < length
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        // Alone, it cannot be encoded in UTF-8 (it would become '?'); escaped, JSON keeps it.
                        unicode(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicode(StringBuilder out, char c) {
        out.append("\\u");
        String hex = Integer.toHexString(c);
        out.append("0".repeat(4 - hex.length())).append(hex);
    }
}
