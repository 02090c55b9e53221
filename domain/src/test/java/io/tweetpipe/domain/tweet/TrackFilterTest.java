package io.tweetpipe.domain.tweet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.domain.Rejection;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrackFilterTest {

    private static Tweet tweet(String text, String language) {
        return new Tweet(new TweetId(1), text, Option.none(), new Language(language), Instant.EPOCH,
                new Author(2, "someone"), Entities.NONE);
    }

    private static TrackFilter filter(String keywords, String languages) {
        return TrackFilter.of(List.of(keywords.split(",")),
                languages.isEmpty() ? List.empty() : List.of(languages.split(","))).get();
    }

    @Test
    void givenKeyword_matches_followsTwittersTokenRules() {
        TrackFilter covid = filter("covid", "");

        assertTrue(covid.matches(tweet("COVID news", "en")));
        assertTrue(covid.matches(tweet("about #covid today", "en")));
        assertTrue(covid.matches(tweet("ask @Covid.", "en")));
        assertTrue(covid.matches(tweet("covid's toll", "en")));
        assertTrue(covid.matches(tweet("see https://covid.example/x", "en")));
        assertFalse(covid.matches(tweet("covid19 is another token", "en")));
        assertFalse(covid.matches(tweet("#nocovid", "en")));
    }

    @Test
    void givenPhrase_matches_needsEveryTermAnywhere() {
        TrackFilter phrase = filter("covid vaccine", "");

        assertTrue(phrase.matches(tweet("vaccine news: covid", "en")));
        assertFalse(phrase.matches(tweet("covid news", "en")));
    }

    @Test
    void givenLanguages_matches_onlyThoseLanguages() {
        TrackFilter spanish = filter("covid", "es,pt");

        assertTrue(spanish.matches(tweet("covid hoy", "es")));
        assertFalse(spanish.matches(tweet("covid today", "en")));
    }

    @Test
    void givenExtendedTweet_matches_looksAtTheFullText() {
        Tweet extended = new Tweet(new TweetId(3), "a long post… https://t.co/x", Option.some("a long post on covid"),
                new Language("en"), Instant.EPOCH, new Author(2, "someone"), Entities.NONE);

        assertTrue(filter("covid", "").matches(extended));
    }

    @Test
    void givenEveryKindOfMistake_of_reportsThemAllAtOnce() {
        var result = TrackFilter.of(List.of("x".repeat(61)), List.of("english", "en", "1"));

        assertEquals(List.of(
                "keyword: '" + "x".repeat(61) + "' is longer than 60 bytes",
                "language: 'english' is not a language code (BCP 47, e.g. en, es, pt, zh-cn)",
                "language: '1' is not a language code (BCP 47, e.g. en, es, pt, zh-cn)"),
                result.getError().map(Rejection::toString));
    }

    @Test
    void givenNoKeyword_of_refuses() {
        assertEquals(List.of("keywords: give at least one keyword to track"),
                TrackFilter.of(List.of(" ", ""), List.empty()).getError().map(Rejection::toString));
    }

    @Test
    void givenTooManyKeywords_of_refuses() {
        assertTrue(TrackFilter.of(List.range(0, 401).map(i -> "k" + i), List.empty()).isInvalid());
        assertTrue(TrackFilter.of(List.range(0, 400).map(i -> "k" + i), List.empty()).isValid());
    }

    @Test
    void givenMixedCaseAndSpacing_of_normalises() {
        TrackFilter normalised = TrackFilter.of(List.of("  Covid   VACCINE "), List.of("EN")).get();

        assertEquals(List.of("covid vaccine"), normalised.phrases());
        assertTrue(normalised.languages().contains(new Language("en")));
    }
}
