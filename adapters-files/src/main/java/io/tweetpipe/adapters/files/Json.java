package io.tweetpipe.adapters.files;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Just enough JSON to write what the sink keeps: strings, numbers (a double that is not finite as null), booleans, null, arrays of them and objects. Every
 * string is kept exactly: control characters (NUL among them) and a lone surrogate, which UTF-8 cannot carry, are
 * written as {@code \}{@code uXXXX} escapes, which every JSON parser reads back as the same UTF-16 code unit.
 */
final class Json {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    static StringBuilder value(StringBuilder out, Object value) {
        if (value == null) {
            return out.append("null");
        }
        if (value instanceof String text) {
            return string(out, text);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            return out.append(value);
        }
        if (value instanceof Double number) {
            return Double.isFinite(number) ? out.append(number) : out.append("null");  // JSON has no NaN
        }
        if (value instanceof Instant instant) {
            return string(out, instant.toString());
        }
        if (value instanceof Collection<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                value(out, item);
            }
            return out.append(']');
        }
        if (value instanceof Map<?, ?> fields) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, String.valueOf(field.getKey())).append(':');
                value(out, field.getValue());
            }
            return out.append('}');
        }
        throw new IllegalArgumentException("no JSON for a " + value.getClass().getName());
    }

    static StringBuilder string(StringBuilder out, String text) {
        out.append('"');
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        escape(out, c);  // U+2028 and U+2029 too: JavaScript's readers end a line there
                    } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        escape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    private static void escape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
                .append(HEX[c & 0xF]);
    }
}
