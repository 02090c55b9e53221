package io.tweetpipe.adapters.twitter.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.adapters.twitter.replay.ReplayTweetSource;
import io.tweetpipe.adapters.twitter.replay.SampleGenerator;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.Tweet;
import io.vavr.Function1;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import twitter4j.TwitterObjectFactory;
import twitter4j.URLEntity;

/**
 * How far the entities found in a tweet's text ({@link Entities#extract}, what the stream job does for text-only
 * input) agree with the entities Twitter gave, over every status of the bundled sample: for each tweet, the entities
 * found in its body against those Twitter listed for the body ({@code extended_tweet.entities} when extended). Links
 * are compared with Twitter's {@code url}, the t.co link the text holds, not the expanded URL.
 *
 * <p>Two figures per kind: the share of tweets whose found entities equal Twitter's as sets (what an analysis that
 * counts distinct tags per tweet sees), and as lists (each occurrence, in order). The floors are the figures
 * measured when the rules were written; a change that loses agreement fails here.
 */
class EntityAgreementTest {

    private static Seq<Tweet> tweets;
    /** Twitter's {@code url} fields for each tweet, in the order of {@link #tweets}. */
    private static Seq<Seq<String>> tcoLinks;

    @BeforeAll
    static void load() throws Exception {
        java.util.List<Tweet> read = new ArrayList<>();
        java.util.List<Seq<String>> links = new ArrayList<>();
        try (InputStream in = ReplayTweetSource.class.getResourceAsStream(ReplayTweetSource.BUNDLED_SAMPLE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (V1Messages.read(line) instanceof StreamMessage.Status status) {
                    read.add(status.tweet());
                    URLEntity[] urls = TwitterObjectFactory.createStatus(line).getURLEntities();
                    links.add(Array.of(urls).map(URLEntity::getURL));
                }
            }
        }
        tweets = List.ofAll(read);
        tcoLinks = List.ofAll(links);
    }

    @Test
    void givenBundledSample_entitiesFoundInText_agreeWithTwitters() {
        assertEquals(SampleGenerator.STATUSES, tweets.size());
        Seq<Entities> found = tweets.map(tweet -> Entities.extract(tweet.body()));
        Seq<Entities> given = tweets.zipWith(tcoLinks,
                (tweet, links) -> new Entities(tweet.entities().hashtags(), tweet.entities().mentions(), links));

        Agreement hashtags = Agreement.of("hashtags", found, given, Entities::hashtags);
        Agreement mentions = Agreement.of("mentions", found, given, Entities::mentions);
        Agreement urls = Agreement.of("urls", found, given, Entities::urls);
        System.out.println("Entity agreement with Twitter's over the bundled sample (" + tweets.size() + " tweets):");
        List.of(hashtags, mentions, urls).forEach(agreement -> System.out.println("  " + agreement));

        // The sample holds each kind often enough for the figure to mean something.
        assertTrue(List.of(hashtags, mentions, urls).forAll(agreement -> agreement.withAny() > 300),
                () -> List.of(hashtags, mentions, urls).toString());
        assertTrue(hashtags.asSets() >= 0.99, hashtags::toString);
        assertTrue(mentions.asSets() >= 0.99, mentions::toString);
        assertTrue(urls.asSets() >= 0.99, urls::toString);
        assertTrue(hashtags.asLists() >= 0.99 && mentions.asLists() >= 0.99 && urls.asLists() >= 0.99,
                () -> List.of(hashtags, mentions, urls).toString());
    }

    @Test
    void givenExtendedTweets_entitiesFoundInFullText_includeWhatTheTruncatedTextLost() {
        Seq<Tweet> extended = tweets.filter(Tweet::isExtended);
        // Tags past the 114th character are only in extended_tweet.entities, and only the full text holds them.
        Seq<Tweet> lostInTruncation = extended.filter(tweet -> !Entities.extract(tweet.text()).hashtags()
                .containsAll(tweet.entities().hashtags()));

        assertTrue(lostInTruncation.size() > 50, "the sample has extended tweets whose tags the text lost: "
                + lostInTruncation.size());
        assertTrue(lostInTruncation.forAll(tweet -> Entities.extract(tweet.body()).hashtags()
                .equals(tweet.entities().hashtags())), () -> lostInTruncation.take(3).toString());
    }

    /** For one kind of entity, how many tweets agree, as sets and as lists, out of all and out of those with any. */
    private record Agreement(String kind, int tweets, int withAny, int equalSets, int equalLists,
                             Seq<String> firstDisagreements) {

        static Agreement of(String kind, Seq<Entities> found, Seq<Entities> given,
                            Function1<Entities, Seq<String>> entities) {
            Seq<Seq<String>> ours = found.map(entities);
            Seq<Seq<String>> theirs = given.map(entities);
            Seq<Integer> indices = Array.range(0, found.size());
            Seq<Integer> disagreeing = indices.filter(i -> !ours.get(i).toSet().equals(theirs.get(i).toSet()));
            return new Agreement(kind, found.size(),
                    indices.count(i -> !ours.get(i).isEmpty() || !theirs.get(i).isEmpty()),
                    found.size() - disagreeing.size(),
                    indices.count(i -> ours.get(i).equals(theirs.get(i))),
                    disagreeing.take(5).map(i -> "found " + ours.get(i) + ", Twitter " + theirs.get(i)));
        }

        double asSets() {
            return (double) equalSets / tweets;
        }

        double asLists() {
            return (double) equalLists / tweets;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-8s as sets %d/%d (%.2f%%), as lists %d/%d (%.2f%%); "
                            + "%d tweets have some%s", kind, equalSets, tweets, 100 * asSets(), equalLists, tweets,
                    100 * asLists(), withAny, firstDisagreements.isEmpty() ? ""
                            : "; first disagreements: " + firstDisagreements.mkString("; "));
        }
    }
}
