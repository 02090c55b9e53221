package io.tweetpipe.domain.tweet;

import io.tweetpipe.domain.Rejection;
import io.vavr.control.Either;
import java.util.Locale;

/**
 * A BCP 47 language tag as Twitter writes it in {@code lang} and accepts in {@code language=}: a two or three letter
 * primary code, optionally followed by subtags ({@code en}, {@code pt}, {@code zh-cn}, {@code und} for undetermined).
 * Stored lower-case, because Twitter compares them that way.
 */
public record Language(String code) {


    /** Twitter's code for a tweet whose language it could not determine. */
    public static final Language UNDETERMINED = new Language("und");

    public Language {
        if (code == null || !isTag(code)) {
            throw new IllegalArgumentException("not a language code: " + code);
        }
    }

    public static Either<Rejection, Language> of(String code) {
        String normalised = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return isTag(normalised)
                ? Either.right(new Language(normalised))
                : Either.left(Rejection.of("language",
                        "'" + code + "' is not a language code (BCP 47, e.g. en, es, pt, zh-cn)"));
    }

    /**
     * {@code [a-z]{2,3}(-[a-z0-9]{2,8})*}, checked by hand: the stream checks the language of every structured record
     * it reads, and a regular expression's matcher costs more than the rest of the check.
     */
    private static boolean isTag(String code) {
        int n = code.length();
        int i = 0;
        while (i < n && code.charAt(i) >= 'a' && code.charAt(i) <= 'z') {
            i++;
        }
        if (i < 2 || i > 3) {
            return false;
        }
        while (i < n) {
            if (code.charAt(i) != '-') {
                return false;
            }
            int subtag = ++i;
            while (i < n && (code.charAt(i) >= 'a' && code.charAt(i) <= 'z' || code.charAt(i) >= '0'
                    && code.charAt(i) <= '9')) {
                i++;
            }
            if (i - subtag < 2 || i - subtag > 8) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return code;
    }
}
