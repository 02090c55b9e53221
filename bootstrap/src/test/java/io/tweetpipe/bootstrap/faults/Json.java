package io.tweetpipe.bootstrap.faults;

/** JSON text as Twitter writes it: every character outside printable ASCII escaped as {@code \\uXXXX}. */
final class Json {

    private Json() {
    }

    static String string(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** A JSON string with {@code text} written as it is, for characters a test wants raw in the file. */
    static String raw(String text) {
        return "\"" + text + "\"";
    }
}
