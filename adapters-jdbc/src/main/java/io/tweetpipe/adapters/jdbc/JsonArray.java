package io.tweetpipe.adapters.jdbc;

import java.util.List;

/** A list of texts as a JSON array, for SQLite, which reads it with {@code json_each} and {@code json_extract}. */
final class JsonArray {

    private JsonArray() {
    }

    static String of(List<String> texts) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < texts.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String text = texts.get(i);
            if (text == null) {
                out.append("null");
                continue;
            }
            out.append('"');
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
        return out.append(']').toString();
    }
}
