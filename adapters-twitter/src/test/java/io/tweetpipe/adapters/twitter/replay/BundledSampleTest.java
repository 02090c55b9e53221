package io.tweetpipe.adapters.twitter.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.adapters.twitter.v1.V1Messages;
import io.tweetpipe.domain.tweet.Language;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.TrackFilter;
import io.tweetpipe.domain.tweet.Tweet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample the demo replays: generated, complete, and the mix the README promises. */
class BundledSampleTest {

    private static Seq<String> lines;
    private static Seq<StreamMessage> messages;
    private static Seq<Tweet> tweets;

    @BeforeAll
    static void load() throws Exception {
        java.util.List<String> read = new ArrayList<>();
        try (InputStream in = ReplayTweetSource.class.getResourceAsStream(ReplayTweetSource.BUNDLED_SAMPLE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                read.add(line);
            }
        }
        lines = List.ofAll(read);
        messages = lines.map(V1Messages::read);
        tweets = messages.filter(StreamMessage.Status.class::isInstance)
                .map(m -> ((StreamMessage.Status) m).tweet());
    }

    @Test
    void givenTheGenerator_bundledSample_isExactlyWhatItWrites() {
        // Regenerate with SampleGenerator.main if this fails after a deliberate change.
        assertEquals(List.ofAll(SampleGenerator.lines()), lines);
    }

    @Test
    void givenBundledSample_everyLine_mapsToTheMessageItWasMeantToBe() {
        assertEquals(SampleGenerator.STATUSES, tweets.size());
        assertEquals(SampleGenerator.DELETIONS, count(StreamMessage.Deletion.class));
        assertEquals(SampleGenerator.LIMITS, count(StreamMessage.Limit.class));
        assertEquals(SampleGenerator.MALFORMED, count(StreamMessage.Malformed.class));
        assertEquals(SampleGenerator.STALL_WARNINGS + SampleGenerator.UNKNOWN, count(StreamMessage.Notice.class));
        assertEquals(lines.size(), tweets.size() + SampleGenerator.DELETIONS + SampleGenerator.LIMITS
                + SampleGenerator.MALFORMED + SampleGenerator.STALL_WARNINGS + SampleGenerator.UNKNOWN);
    }

    @Test
    void givenBundledSample_aboutAThird_isExtendedWithLongFullTextAndTruncatedText() {
        Seq<Tweet> extended = tweets.filter(Tweet::isExtended);
        double share = (double) extended.size() / tweets.size();

        assertTrue(share > 0.28 && share < 0.40, "extended share " + share);
        assertTrue(extended.forAll(t -> t.text().contains("… https://t.co/")
                && codePoints(t.fullText().get()) > 140 && codePoints(t.fullText().get()) <= 280));
        assertTrue(tweets.filter(t -> !t.isExtended()).forAll(t -> codePoints(t.text()) <= 140));
    }

    @Test
    void givenBundledSample_theSeedsKeyword_matchesAThirdOrSo() {
        TrackFilter covid = TrackFilter.of(List.of("covid"), List.empty()).get();
        double share = (double) tweets.count(covid::matches) / tweets.size();

        assertTrue(share >= 0.30 && share <= 0.40, "covid share " + share);
        // Near misses Twitter would not deliver are there too.
        assertTrue(tweets.exists(t -> t.body().contains("covid19") && !covid.matches(t)));
    }

    @Test
    void givenBundledSample_texts_mixLanguagesEmojiHashtagsMentionsLinksAndNewlines() {
        Seq<String> languages = tweets.map(Tweet::language).map(Language::code).distinct();
        assertTrue(languages.containsAll(List.of("en", "es", "pt", "fr", "de", "ja", "und")), languages.toString());
        assertTrue(share(t -> t.body().codePoints().anyMatch(c -> c >= 0x1F300)) > 0.2, "emoji");
        assertTrue(share(t -> t.body().contains("#")) > 0.1, "hashtags");
        assertTrue(share(t -> t.body().contains("@")) > 0.1, "mentions");
        assertTrue(share(t -> t.body().contains("https://t.co/")) > 0.1, "links");
        assertTrue(share(t -> t.body().contains("\n")) > 0.05, "newlines");
        assertTrue(share(t -> t.language().code().equals("en")) > 0.3, "english");
    }

    @Test
    void givenBundledSample_ids_areUniqueAndAuthorsMany() {
        assertEquals(tweets.size(), tweets.map(Tweet::id).distinct().size());
        assertTrue(tweets.map(Tweet::author).distinct().size() > 200);
    }

    private static long count(Class<? extends StreamMessage> type) {
        return messages.count(type::isInstance);
    }

    private static double share(java.util.function.Predicate<Tweet> property) {
        return (double) tweets.count(property::test) / tweets.size();
    }

    private static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }
}
