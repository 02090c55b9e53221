package io.tweetpipe.application.service;

import static io.tweetpipe.application.contract.Tweets.tweet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.application.memory.InMemoryLanguageModels;
import io.tweetpipe.application.memory.InMemoryTweetSource;
import io.tweetpipe.application.port.in.TrainLanguageModelUseCase;
import io.tweetpipe.application.port.out.LanguageModelTrainer;
import io.tweetpipe.application.port.out.TweetRecording;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.learning.Accuracy;
import io.tweetpipe.domain.learning.LabelledText;
import io.tweetpipe.domain.learning.TrainingReport;
import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.Tweet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class TrainLanguageModelServiceTest {

    private static final TrainLanguageModelUseCase.Plan PLAN = new TrainLanguageModelUseCase.Plan("model", 0.25, 3);

    /** 40 tweets, alternately English and Spanish, one of them with no text at all. */
    private static final Seq<Tweet> TWEETS = List.rangeClosed(1, 40).map(i -> i == 7 ? tweet(i, "  \n ", "en")
            : i % 2 == 0 ? tweet(i, "The CLINIC opens\nlate tonight " + i, "en")
            : tweet(i, "El metro iba LLENO otra vez " + i, "es"));

    private static TweetRecording recording(Seq<Tweet> tweets) {
        return new InMemoryTweetSource(tweets.map(StreamMessage.Status::new));
    }

    @Test
    void givenARecording_train_learnsFromWhatTheStreamWouldSeeAndScoresTheHeldOut() throws Exception {
        java.util.List<LabelledText> learnt = new ArrayList<>();
        java.util.List<String> asked = new ArrayList<>();
        LanguageModelTrainer trainer = (examples, heldOut, directory) -> {
            learnt.addAll(examples.toJavaList());
            asked.addAll(heldOut.toJavaList());
            return Either.right(heldOut.map(text -> text.startsWith("el") ? "es" : "fr"));  // wrong about English
        };

        TrainingReport report = new TrainLanguageModelService(recording(TWEETS), trainer, Preprocessing.standard())
                .train(PLAN).get();

        assertEquals(39, learnt.size() + asked.size(), "the tweet with no text is no example");
        assertEquals(report.trained(), learnt.size());
        assertEquals(report.heldOut(), asked.size());
        assertTrue(asked.size() > 4 && asked.size() < 16, asked.size() + " held out of 39 at 0.25");
        List<String> texts = List.ofAll(learnt).map(LabelledText::text).appendAll(asked);
        assertTrue(texts.contains("the clinic opens late tonight 2"), "framed and preprocessed: " + texts);
        assertTrue(List.ofAll(learnt).contains(new LabelledText("el metro iba lleno otra vez 1", "es"))
                || asked.contains("el metro iba lleno otra vez 1"));
        long spanish = asked.stream().filter(text -> text.startsWith("el")).count();
        assertEquals(new Accuracy(spanish, asked.size()), report.accuracy());
        assertEquals(asked.size() - spanish, report.confusion().count("en", "fr"));
        assertEquals("model", report.modelDirectory());
    }

    @Test
    void givenTheSameSeed_train_holdsOutTheSameTweets() throws Exception {
        java.util.List<Seq<String>> heldOuts = new ArrayList<>();
        LanguageModelTrainer trainer = (examples, heldOut, directory) -> {
            heldOuts.add(heldOut);
            return Either.right(heldOut.map(text -> "en"));
        };
        TrainLanguageModelService service = new TrainLanguageModelService(recording(TWEETS), trainer,
                Preprocessing.standard());

        service.train(PLAN);
        service.train(PLAN);
        service.train(new TrainLanguageModelUseCase.Plan("model", 0.25, 4));

        assertEquals(heldOuts.get(0), heldOuts.get(1));
        assertTrue(!heldOuts.get(0).equals(heldOuts.get(2)), "another seed, another split");
    }

    @Test
    void givenTheDomainsNaiveBayes_train_tellsTheLanguagesApart() throws Exception {
        TrainingReport report = new TrainLanguageModelService(recording(TWEETS), new InMemoryLanguageModels(),
                Preprocessing.standard()).train(PLAN).get();

        assertEquals(1.0, report.accuracy().rate().get());
    }

    @Test
    void givenAnUnreadableRecordingOrAFailingTrainer_train_passesTheReasonOn() throws Exception {
        Rejection unreadable = Rejection.of("replay file", "cannot be opened");
        Rejection full = Rejection.of("model", "disk full");

        assertEquals(Either.left(unreadable), new TrainLanguageModelService(tweets -> Either.left(unreadable),
                new InMemoryLanguageModels(), Preprocessing.standard()).train(PLAN));
        assertEquals(Either.left(full), new TrainLanguageModelService(recording(TWEETS),
                (examples, heldOut, directory) -> Either.left(full), Preprocessing.standard()).train(PLAN));
    }

    @Test
    void givenTooFewTweets_train_saysSo() throws Exception {
        Either<Rejection, TrainingReport> trained = new TrainLanguageModelService(recording(TWEETS.take(1)),
                new InMemoryLanguageModels(), Preprocessing.standard()).train(PLAN);

        assertTrue(trained.getLeft().reason().contains("too few"), trained::toString);
    }
}
