package io.tweetpipe.application.service;

import io.tweetpipe.application.port.in.TrainLanguageModelUseCase;
import io.tweetpipe.application.port.out.LanguageModelTrainer;
import io.tweetpipe.application.port.out.TweetRecording;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.learning.ConfusionMatrix;
import io.tweetpipe.domain.learning.HeldOut;
import io.tweetpipe.domain.learning.LabelledText;
import io.tweetpipe.domain.learning.TrainingReport;
import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.tweetpipe.domain.tweet.Tweet;
import io.vavr.Tuple2;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Offline training: every tweet of the recording becomes a labelled example, its body as the stream job would see it
 * (framed and preprocessed, so a model learns the text it will be asked about) and its language as the label; a
 * seeded share is held out; the trainer learns from the rest, saves the model, and predicts the held-out tweets, which
 * this service scores against their languages.
 */
public final class TrainLanguageModelService implements TrainLanguageModelUseCase {

    private final TweetRecording recording;
    private final LanguageModelTrainer trainer;
    private final Preprocessing preprocessing;

    public TrainLanguageModelService(TweetRecording recording, LanguageModelTrainer trainer,
                                     Preprocessing preprocessing) {
        this.recording = Objects.requireNonNull(recording, "recording");
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        this.preprocessing = Objects.requireNonNull(preprocessing, "preprocessing");
    }

    @Override
    public Either<Rejection, TrainingReport> train(Plan plan) throws InterruptedException {
        Objects.requireNonNull(plan, "plan");
        List<LabelledText> read = new ArrayList<>();
        Either<Rejection, Long> done = recording.read(tweet -> example(tweet).forEach(read::add));
        if (done.isLeft()) {
            return Either.left(done.getLeft());
        }
        Seq<LabelledText> examples = Vector.ofAll(read);
        Tuple2<Seq<LabelledText>, Seq<LabelledText>> split = HeldOut.split(examples, plan.heldOutShare(),
                plan.seed());
        if (split._1().isEmpty() || split._2().isEmpty()) {
            return Either.left(Rejection.of("recording", "it holds " + examples.size() + " tweet(s) with text: too "
                    + "few to learn from and test on"));
        }
        Seq<LabelledText> heldOut = split._2();
        return trainer.train(split._1(), heldOut.map(LabelledText::text), plan.modelDirectory())
                .flatMap(predicted -> predicted.size() == heldOut.size()
                        ? Either.right(new TrainingReport(split._1().size(), heldOut.size(),
                                ConfusionMatrix.of(heldOut.map(LabelledText::label), predicted),
                                plan.modelDirectory()))
                        : Either.left(Rejection.of("trainer", "it predicted " + predicted.size() + " of "
                                + heldOut.size() + " held-out tweets")));
    }

    /** The record the text wire would make of the tweet, labelled with its language; none for a tweet of no text. */
    private Option<LabelledText> example(Tweet tweet) {
        return Frame.of(tweet.body()).toOption().flatMap(frame -> preprocessing.apply(frame.text()).headOption())
                .map(body -> new LabelledText(body, tweet.language().code()));
    }
}
