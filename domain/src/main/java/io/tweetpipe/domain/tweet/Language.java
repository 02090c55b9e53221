package io.tweetpipe.domain.tweet;

import io.tweetpipe.domain.Rejection;
import io.vavr.control.Either;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A BCP 47 language tag as Twitter writes it in {@code lang} and accepts in {@code language=}: a two or three letter
 * primary code, optionally followed by subtags ({@code en}, {@code pt}, {@code zh-cn}, {@code und} for undetermined).
 * Stored lower-case, because Twitter compares them that way.
 */
public record Language(String code) {

    private static final Pattern TAG = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");

    /** Twitter's code for a tweet whose language it could not determine. */
    public static final Language UNDETERMINED = new Language("und");

    public Language {
        if (code == null || !TAG.matcher(code).matches()) {
            throw new IllegalArgumentException("not a language code: " + code);
        }
    }

    public static Either<Rejection, Language> of(String code) {
        String normalised = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return TAG.matcher(normalised).matches()
                ? Either.right(new Language(normalised))
                : Either.left(Rejection.of("language",
                        "'" + code + "' is not a language code (BCP 47, e.g. en, es, pt, zh-cn)"));
    }

    @Override
    public String toString() {
        return code;
    }
}
