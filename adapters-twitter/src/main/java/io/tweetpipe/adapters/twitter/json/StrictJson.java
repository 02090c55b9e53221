package io.tweetpipe.adapters.twitter.json;

import io.vavr.control.Either;

/**
 * RFC 8259's grammar, checked before twitter4j's tokener reads a line. That tokener is lenient: it takes an unquoted
 * word for a key or a value, so {@code {text: covid}} or a stray byte before a key reads as an object. While every
 * status had to carry what twitter4j insisted on, such a line was refused for a missing field; now that a status needs
 * only an id and a text, the line itself must be JSON, as it must be for the tutorial's relay ({@code json.loads}).
 */
final class StrictJson {

    private static final int DEEPEST = 512;

    private final String text;
    private int at;
    private String problem;

    private StrictJson(String text) {
        this.text = text;
    }

    /** Where the first JSON value of the line ends (after leading white space), or what is wrong with it. */
    static Either<String, Integer> value(String text) {
        StrictJson json = new StrictJson(text);
        json.space();
        return json.value(0) ? Either.right(json.at) : Either.left(json.problem);
    }

    /** Is the rest of the line from here white space? */
    static boolean onlySpaceFrom(String text, int from) {
        StrictJson json = new StrictJson(text);
        json.at = from;
        json.space();
        return json.at == text.length();
    }

    private boolean value(int depth) {
        if (depth > DEEPEST) {
            return fail("nested deeper than " + DEEPEST);
        }
        if (at >= text.length()) {
            return fail("a value missing");
        }
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> c == '-' || (c >= '0' && c <= '9') ? number() : fail("not a value");
        };
    }

    private boolean object(int depth) {
        at++;
        space();
        if (next('}')) {
            return true;
        }
        do {
            space();
            if (at >= text.length() || text.charAt(at) != '"') {
                return fail("a key that is not a string");
            }
            if (!string()) {
                return false;
            }
            space();
            if (!next(':')) {
                return fail("no ':' after a key");
            }
            space();
            if (!value(depth + 1)) {
                return false;
            }
            space();
        } while (next(','));
        return next('}') || fail(at >= text.length() ? "an unterminated object" : "no ',' or '}' in an object");
    }

    private boolean array(int depth) {
        at++;
        space();
        if (next(']')) {
            return true;
        }
        do {
            space();
            if (!value(depth + 1)) {
                return false;
            }
            space();
        } while (next(','));
        return next(']') || fail(at >= text.length() ? "an unterminated array" : "no ',' or ']' in an array");
    }

    private boolean string() {
        int start = at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return true;
            }
            if (c < 0x20) {
                at--;
                return fail("a control character in a string");
            }
            if (c == '\\') {
                if (at >= text.length()) {
                    break;
                }
                char escaped = text.charAt(at++);
                if (escaped == 'u') {
                    for (int i = 0; i < 4; i++) {
                        if (at >= text.length() || Character.digit(text.charAt(at++), 16) < 0) {
                            at--;
                            return fail("a \\u escape without four hex digits");
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(escaped) < 0) {
                    at--;
                    return fail("an unknown escape");
                }
            }
        }
        at = start;
        return fail("an unterminated string");
    }

    private boolean number() {
        next('-');
        if (!next('0')) {
            if (!digits()) {
                return fail("a number without digits");
            }
        }
        if (next('.') && !digits()) {
            return fail("a number without digits after its point");
        }
        if (next('e') || next('E')) {
            if (!next('+')) {
                next('-');
            }
            if (!digits()) {
                return fail("a number without digits in its exponent");
            }
        }
        return true;
    }

    private boolean digits() {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at > start;
    }

    private boolean literal(String word) {
        if (text.startsWith(word, at)) {
            at += word.length();
            return true;
        }
        return fail("not a value");
    }

    private boolean next(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void space() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private boolean fail(String what) {
        problem = what + " at character " + at;
        return false;
    }
}
