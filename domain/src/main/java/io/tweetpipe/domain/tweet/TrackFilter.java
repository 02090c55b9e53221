package io.tweetpipe.domain.tweet;

import io.tweetpipe.domain.Rejection;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a filtered stream asks Twitter for: {@code track} phrases and {@code language} codes, validated the way Twitter
 * validates them and matched the way Twitter matches them server-side.
 *
 * <p>Each phrase is one or more space-separated terms; a tweet matches a phrase when it contains every term of it
 * (AND), and matches the filter when it matches any phrase (OR) and, if languages are given, is in one of them.
 * Terms are compared case-insensitively with whole tokens of the tweet's body, where a token is split at white
 * space and punctuation, so {@code covid} matches {@code COVID}, {@code #covid}, {@code @covid},
 * {@code covid's} and {@code covid.} but not {@code covid19} or {@code #nocovid}, as on Twitter.
 */
public record TrackFilter(Seq<String> phrases, Set<Language> languages) {

    /** Twitter's limits for a standard filtered stream. */
    public static final int MAX_PHRASES = 400;
    public static final int MAX_PHRASE_BYTES = 60;

    public TrackFilter {
        if (phrases == null || phrases.isEmpty()) {
            throw new IllegalArgumentException("a track filter needs at least one keyword");
        }
        if (languages == null) {
            throw new IllegalArgumentException("languages");
        }
    }

    /** Builds a filter, reporting every problem with the keywords and languages at once. */
    public static Validation<Seq<Rejection>, TrackFilter> of(Iterable<String> keywords, Iterable<String> languages) {
        Seq<String> phrases = List.ofAll(keywords).map(TrackFilter::normalisePhrase).filter(p -> !p.isEmpty());
        Seq<Rejection> problems = List.<Rejection>empty()
                .appendAll(phrases.isEmpty()
                        ? List.of(Rejection.of("keywords", "give at least one keyword to track"))
                        : List.empty())
                .appendAll(phrases.size() > MAX_PHRASES
                        ? List.of(Rejection.of("keywords",
                                "at most " + MAX_PHRASES + " keywords, got " + phrases.size()))
                        : List.empty())
                .appendAll(phrases
                        .filter(p -> p.getBytes(StandardCharsets.UTF_8).length > MAX_PHRASE_BYTES)
                        .map(p -> Rejection.of("keyword",
                                "'" + p + "' is longer than " + MAX_PHRASE_BYTES + " bytes")));
        Seq<Either<Rejection, Language>> parsed = List.ofAll(languages).map(Language::of);
        problems = problems.appendAll(parsed.filter(Either::isLeft)
                .map(Either::getLeft));
        if (!problems.isEmpty()) {
            return Validation.invalid(problems);
        }
        return Validation.valid(new TrackFilter(phrases.distinct(),
                LinkedHashSet.ofAll(parsed.map(Either::get))));
    }

    /** Does Twitter's filtered stream deliver this tweet for this filter? */
    public boolean matches(Tweet tweet) {
        if (!languages.isEmpty() && !languages.contains(tweet.language())) {
            return false;
        }
        Set<String> tokens = tokens(tweet.body());
        return phrases.exists(phrase -> List.of(phrase.split(" ")).forAll(tokens::contains));
    }

    /**
     * The tweet's tokens, lower-case; a token starting with # or @ counts also without it, so a plain term matches
     * hashtags and mentions while a term written {@code #covid} matches only the hashtag.
     */
    static Set<String> tokens(String body) {
        java.util.Set<String> out = new java.util.HashSet<>();  // mutable only while scanning, for speed
        String lower = body.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean inToken = i < lower.length() && isTokenChar(lower.codePointAt(i), i == start || start < 0);
            if (inToken && start < 0) {
                start = i;
            } else if (!inToken && start >= 0) {
                String token = lower.substring(start, i);
                out.add(token);
                if (token.length() > 1 && (token.charAt(0) == '#' || token.charAt(0) == '@')) {
                    out.add(token.substring(1));
                }
                start = -1;
            }
            if (i < lower.length() && Character.isSupplementaryCodePoint(lower.codePointAt(i))) {
                i++;
            }
        }
        return HashSet.ofAll(out);
    }

    private static boolean isTokenChar(int codePoint, boolean first) {
        return Character.isLetterOrDigit(codePoint) || codePoint == '_'
                || (first && (codePoint == '#' || codePoint == '@'));
    }

    private static String normalisePhrase(String phrase) {
        return String.join(" ", phrase.strip().toLowerCase(Locale.ROOT).split("\\s+")).strip();
    }
}
