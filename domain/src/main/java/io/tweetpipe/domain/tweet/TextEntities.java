package io.tweetpipe.domain.tweet;

import io.vavr.collection.Array;
import java.util.ArrayList;

/**
 * Hashtags, mentions and links found in a tweet's text by Twitter's entity rules, for text that arrives without the
 * entities Twitter computed (the text wire, the original relay). The rules are those of twitter-text, the library
 * Twitter's clients and servers share, written here as one scan over the text:
 *
 * <ul>
 *   <li>a link starts with {@code http://} or {@code https://} (any case) after the start, a space or punctuation
 *   (not a letter, digit, {@code @}, {@code $} or {@code #}); a host of at least two labels whose last is letters;
 *   an optional port, path and query, whose last character may not be punctuation (so {@code /foo.} leaves the
 *   full stop), and parentheses only when balanced;</li>
 *   <li>a hashtag is {@code #} or {@code ＃}, not after a hashtag character or {@code &}, not before a variation
 *   selector or keycap, then a run of Unicode letters, marks, decimal digits, underscore and a few joiners (the
 *   zero-width joiners, the middle dots) holding at least one letter or mark, not followed by another hash sign or
 *   {@code ://};</li>
 *   <li>a mention is one or more {@code @} or {@code ＠}, not after an ASCII letter, digit or one of
 *   {@code _!#$%&*@} (an e-mail address), except right after {@code RT} or {@code RT:}, then 1 to 15 ASCII letters,
 *   digits or underscores, not followed by another at sign, a Latin accented letter or {@code ://}, and not a list
 *   ({@code @owner/list});</li>
 *   <li>a hashtag or mention inside a link is part of the link.</li>
 * </ul>
 *
 * <p>Where this differs from twitter-text: links need their protocol (twitter-text also finds {@code example.com}
 * by a list of top-level domains), and a name longer than 15 characters is no mention (twitter-text takes its first
 * 20 characters, but Twitter lists only accounts that exist, and no screen name is longer than 15).
 */
final class TextEntities {

    private static final int MAX_SCREEN_NAME = 15;

    private TextEntities() {
    }

    static Entities extract(String text) {
        java.util.List<String> urls = new ArrayList<>(2);
        java.util.List<String> hashtags = new ArrayList<>(2);
        java.util.List<String> mentions = new ArrayList<>(2);
        int urlStart = -1;
        int urlEnd = -1;  // text[urlStart, urlEnd) is the last link found: what starts in it belongs to it
        int n = text.length();
        Starts starts = new Starts(text);
        int i = starts.from(0);
        while (i < n) {
            char c = text.charAt(i);
            int next = i + 1;
            if ((c == 'h' || c == 'H') && urlMayStartAt(text, i)) {
                int end = urlEnd(text, i);
                if (end > 0) {
                    urls.add(text.substring(i, end));
                    urlStart = i;
                    urlEnd = end;
                    next = end;
                }
            } else if (isHashSign(c) && !(i >= urlStart && i < urlEnd)) {
                int end = hashtagEnd(text, i);
                if (end > 0) {
                    hashtags.add(text.substring(i + 1, end));
                    next = end;
                }
            } else if (isAtSign(c) && !(i >= urlStart && i < urlEnd)) {
                int nameStart = i;
                while (nameStart < n && isAtSign(text.charAt(nameStart))) {
                    nameStart++;
                }
                int end = mentionEnd(text, i, nameStart);
                if (end > 0) {
                    mentions.add(text.substring(nameStart, end));
                }
                next = end > 0 ? end : nameStart;  // a run of at signs stands or falls with its first
            }
            i = starts.from(next);
        }
        return new Entities(Array.ofAll(hashtags), Array.ofAll(mentions), Array.ofAll(urls));
    }

    /**
     * Where an entity may start: a hash sign, an at sign, or the h of a link's {@code http://} or {@code https://},
     * found by its {@code "://"}. Each is sought with {@link String#indexOf}, which the JIT makes a vector search,
     * rather than by looking at every character: most characters start nothing. Each kind's next position is kept
     * until the scan passes it, so the text is searched once for each.
     */
    private static final class Starts {
        private final String text;
        private final int none;
        private int hashSign = -1;
        private int wideHashSign = -1;
        private int atSign = -1;
        private int wideAtSign = -1;
        private int protocol = -1;

        Starts(String text) {
            this.text = text;
            this.none = text.length();
        }

        /** The first position at or after {@code from} where an entity may start, or the text's length. */
        int from(int from) {
            if (hashSign < from) {
                hashSign = found(text.indexOf('#', from));
            }
            if (wideHashSign < from) {
                wideHashSign = found(text.indexOf('\uFF03', from));
            }
            if (atSign < from) {
                atSign = found(text.indexOf('@', from));
            }
            if (wideAtSign < from) {
                wideAtSign = found(text.indexOf('\uFF20', from));
            }
            if (protocol < from) {
                protocol = protocol(from);
            }
            return Math.min(Math.min(Math.min(hashSign, wideHashSign), Math.min(atSign, wideAtSign)), protocol);
        }

        /** The start of the first {@code http://} or {@code https://} (any case) at or after {@code from}. */
        private int protocol(int from) {
            for (int colon = text.indexOf("://", from + 4); colon >= 0; colon = text.indexOf("://", colon + 1)) {
                if (colon - 5 >= from && text.regionMatches(true, colon - 5, "https", 0, 5)) {
                    return colon - 5;
                }
                if (text.regionMatches(true, colon - 4, "http", 0, 4)) {
                    return colon - 4;
                }
            }
            return none;
        }

        private int found(int index) {
            return index < 0 ? none : index;
        }
    }

    // Links

    private static boolean urlMayStartAt(String text, int at) {
        // Most h's start no link: one char rules them out before the case-blind comparisons.
        if (at + 1 >= text.length() || (text.charAt(at + 1) | 0x20) != 't'
                || !text.regionMatches(true, at, "http://", 0, 7) && !text.regionMatches(true, at, "https://", 0, 8)) {
            return false;
        }
        if (at == 0) {
            return true;
        }
        int before = text.codePointBefore(at);
        return !(isAsciiLetterOrDigit(before) || before == '@' || before == '\uFF20' || before == '$'
                || isHashSign(before) || isInvisibleFormatting(before));
    }

    /** Where the link starting at {@code start} ends, or -1 if what follows the protocol is no host. */
    private static int urlEnd(String text, int start) {
        int hostStart = start + (text.charAt(start + 4) == ':' ? 7 : 8);
        int n = text.length();
        int i = hostStart;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (cp != '.' && !isDomainChar(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        while (i > hostStart && text.charAt(i - 1) == '.') {
            i--;  // a full stop after the host ends the sentence
        }
        if (!isHost(text, hostStart, i)) {
            return -1;
        }
        if (i + 1 < n && text.charAt(i) == ':' && isAsciiDigit(text.charAt(i + 1))) {
            i++;
            while (i < n && isAsciiDigit(text.charAt(i))) {
                i++;
            }
        }
        if (i < n && text.charAt(i) == '/') {
            i = pathEnd(text, i);
        }
        if (i < n && text.charAt(i) == '?') {
            int query = queryEnd(text, i + 1);
            if (query > 0) {
                i = query;
            }
        }
        return i;
    }

    /** At least two labels, none empty, none starting or ending with a hyphen; the last is letters or punycode. */
    private static boolean isHost(String text, int from, int to) {
        int labels = 0;
        int labelStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || text.charAt(i) == '.') {
                if (i == labelStart || text.charAt(labelStart) == '-' || text.charAt(i - 1) == '-') {
                    return false;
                }
                labels++;
                if (i == to) {
                    return labels >= 2 && isTopLevelDomain(text, labelStart, to);
                }
                labelStart = i + 1;
            }
        }
        return false;
    }

    private static boolean isTopLevelDomain(String text, int from, int to) {
        if (text.regionMatches(true, from, "xn--", 0, 4) && to - from > 4) {
            return true;
        }
        if (text.codePointCount(from, to) < 2) {
            return false;
        }
        for (int i = from; i < to; ) {
            int cp = text.codePointAt(i);
            if (!Character.isLetter(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /**
     * The end of the path starting with the slash at {@code slash}: as far as path characters go, then back to the
     * last one a path may end with.
     */
    private static int pathEnd(String text, int slash) {
        int n = text.length();
        int end = slash + 1;
        int i = slash + 1;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (cp == '(') {
                int close = closingParenthesis(text, i, false);
                if (close < 0) {
                    break;
                }
                i = close + 1;
                end = i;
                continue;
            }
            if (!isPathChar(cp)) {
                break;
            }
            i += Character.charCount(cp);
            if (isPathEnding(cp)) {
                end = i;
            }
        }
        return end;
    }

    /** The index of the parenthesis closing the one at {@code open}, if all between is path characters, or -1. */
    private static int closingParenthesis(String text, int open, boolean nested) {
        int n = text.length();
        boolean content = false;
        int i = open + 1;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (cp == ')') {
                return content ? i : -1;
            }
            if (cp == '(') {
                int inner = nested ? -1 : closingParenthesis(text, i, true);
                if (inner < 0) {
                    return -1;
                }
                i = inner + 1;
            } else if (isPathChar(cp)) {
                i += Character.charCount(cp);
            } else {
                return -1;
            }
            content = true;
        }
        return -1;
    }

    private static int queryEnd(String text, int from) {
        int end = -1;
        for (int i = from; i < text.length() && isQueryChar(text.charAt(i)); i++) {
            if (isQueryEnding(text.charAt(i))) {
                end = i + 1;
            }
        }
        return end;
    }

    private static boolean isDomainChar(int cp) {
        return Character.isLetterOrDigit(cp) || isMark(cp) || cp == '-' || cp == '_';
    }

    private static boolean isPathChar(int cp) {
        return isAsciiLetterOrDigit(cp) || isCyrillic(cp) || isLatinAccent(cp) || cp == '\u2013'
                || "!*';:=+,.$/%#[]-_~@|&".indexOf(cp) >= 0;
    }

    private static boolean isPathEnding(int cp) {
        return isAsciiLetterOrDigit(cp) || isCyrillic(cp) || isLatinAccent(cp) || "+-=_#/".indexOf(cp) >= 0;
    }

    private static boolean isQueryChar(char c) {
        return isAsciiLetterOrDigit(c) || "!?*'@();:&=+$/%#[]-_.,~|".indexOf(c) >= 0;
    }

    private static boolean isQueryEnding(char c) {
        return isAsciiLetterOrDigit(c) || "_&=#/-".indexOf(c) >= 0;
    }

    // Hashtags

    /** Where the hashtag whose sign is at {@code sign} ends, or -1 if there is none. */
    private static int hashtagEnd(String text, int sign) {
        if (sign > 0) {
            int before = text.codePointBefore(sign);
            if (before != '\uFE0E' && before != '\uFE0F' && (isHashtagChar(before) || before == '&')) {
                return -1;
            }
        }
        int n = text.length();
        int i = sign + 1;
        if (i < n && (text.charAt(i) == '\uFE0F' || text.charAt(i) == '\u20E3')) {
            return -1;  // an emoji: keycap number sign
        }
        boolean letter = false;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isHashtagChar(cp)) {
                break;
            }
            letter |= isHashtagLetter(cp);
            i += Character.charCount(cp);
        }
        if (!letter || i < n && isHashSign(text.charAt(i)) || text.startsWith("://", i)) {
            return -1;
        }
        return i;
    }

    private static boolean isHashtagLetter(int cp) {
        return Character.isLetter(cp) || isMark(cp);
    }

    private static boolean isHashtagChar(int cp) {
        return isHashtagLetter(cp) || Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER
                || isHashtagJoiner(cp);
    }

    /** Underscore, and what joins the words of a hashtag in some scripts (twitter-text's special characters). */
    private static boolean isHashtagJoiner(int cp) {
        return switch (cp) {
            case '_', '\u200C', '\u200D', '\uA67E', '\u05BE', '\u05F3', '\u05F4', '\uFF5E', '\u301C', '\u309B',
                 '\u309C', '\u30A0', '\u30FB', '\u3003', '\u0F0B', '\u0F0C', '\u00B7' -> true;
            default -> false;
        };
    }

    private static boolean isHashSign(int cp) {
        return cp == '#' || cp == '\uFF03';
    }

    // Mentions

    /**
     * Where the mention whose at signs start at {@code sign} and whose name starts at {@code name} ends, or -1 if
     * there is none.
     */
    private static int mentionEnd(String text, int sign, int name) {
        if (!mentionMayStartAt(text, sign)) {
            return -1;
        }
        int n = text.length();
        int i = name;
        while (i < n && isScreenNameChar(text.charAt(i))) {
            i++;
        }
        if (i == name || i - name > MAX_SCREEN_NAME) {
            return -1;
        }
        if (i + 1 < n && text.charAt(i) == '/' && isAsciiLetter(text.charAt(i + 1))) {
            return -1;  // a list, @owner/name: not a mention of its owner
        }
        if (i < n && (isAtSign(text.charAt(i)) || isLatinAccent(text.charAt(i))) || text.startsWith("://", i)) {
            return -1;
        }
        return i;
    }

    private static boolean mentionMayStartAt(String text, int sign) {
        if (sign == 0) {
            return true;
        }
        char before = text.charAt(sign - 1);
        if (!(isScreenNameChar(before) || "!#$%&*@\uFF20".indexOf(before) >= 0)) {
            return true;
        }
        int rt = before == ':' ? sign - 1 : sign;  // "RT @name" and "RT:@name" are replies, "RT@name" too
        if (rt < 2 || Character.toLowerCase(text.charAt(rt - 2)) != 'r'
                || Character.toLowerCase(text.charAt(rt - 1)) != 't') {
            return false;
        }
        if (rt == 2) {
            return true;
        }
        char beforeRt = text.charAt(rt - 3);
        return !(isScreenNameChar(beforeRt) || "+~.-".indexOf(beforeRt) >= 0);
    }

    private static boolean isScreenNameChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '_';
    }

    private static boolean isAtSign(int cp) {
        return cp == '@' || cp == '\uFF20';
    }

    // Character classes

    private static boolean isAsciiLetter(int cp) {
        return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z';
    }

    private static boolean isAsciiDigit(int cp) {
        return cp >= '0' && cp <= '9';
    }

    private static boolean isAsciiLetterOrDigit(int cp) {
        return isAsciiLetter(cp) || isAsciiDigit(cp);
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isCyrillic(int cp) {
        return cp >= '\u0400' && cp <= '\u04FF';
    }

    /** Latin letters with accents, and the combining accents: twitter-text's Latin accent characters. */
    private static boolean isLatinAccent(int cp) {
        return cp >= '\u00C0' && cp <= '\u024F' && cp != '\u00D7' && cp != '\u00F7'
                || cp >= '\u0250' && cp <= '\u02BB' && Character.isLetter(cp)
                || cp >= '\u0300' && cp <= '\u036F'
                || cp >= '\u1E00' && cp <= '\u1EFF';
    }

    /** Byte order marks, non-characters and direction overrides: twitter-text's invalid characters. */
    private static boolean isInvisibleFormatting(int cp) {
        return cp == '\uFFFE' || cp == '\uFEFF' || cp == '\uFFFF' || cp >= '\u202A' && cp <= '\u202E';
    }
}
