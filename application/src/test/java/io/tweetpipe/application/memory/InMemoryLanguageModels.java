package io.tweetpipe.application.memory;

import io.tweetpipe.application.port.out.LanguageModelTrainer;
import io.tweetpipe.application.port.out.ModelInspector;
import io.tweetpipe.application.port.out.SavedModel;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.features.LanguageFeatures;
import io.tweetpipe.domain.features.TermHashing;
import io.tweetpipe.domain.learning.LabelledText;
import io.tweetpipe.domain.learning.NaiveBayesCounts;
import io.tweetpipe.domain.learning.NaiveBayesModel;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Language models learnt in memory, by the domain's naive Bayes over the domain's features (the streaming
 * classifier's own), and kept in a map by directory name: the reference the Spark trainer is held to.
 */
public final class InMemoryLanguageModels implements LanguageModelTrainer, ModelInspector {

    private static final TermHashing HASHING = new TermHashing(1 << 14);

    private final Map<String, NaiveBayesCounts> saved = new ConcurrentHashMap<>();

    @Override
    public Either<Rejection, Seq<String>> train(Seq<LabelledText> examples, Seq<String> heldOut, String directory) {
        if (examples.isEmpty()) {
            return Either.left(Rejection.of("training", "no example to learn from"));
        }
        NaiveBayesCounts.Tally tally = NaiveBayesCounts.tally(HASHING.dimension());
        examples.forEach(example -> tally.add(example.label(), LanguageFeatures.vector(HASHING, example.text())));
        NaiveBayesCounts counts = tally.counts();
        saved.put(directory, counts);
        NaiveBayesModel model = counts.model();
        return Either.right(heldOut.map(text -> model.predict(LanguageFeatures.vector(HASHING, text)).get()));
    }

    @Override
    public Either<Rejection, SavedModel> inspect(String directory) {
        NaiveBayesCounts counts = saved.get(directory);
        return counts == null
                ? Either.left(Rejection.of("model", directory + " holds no language model: train one with "
                        + "'tweetpipe train'"))
                : Either.right(new SavedModel(directory, LanguageFeatures.VERSION, counts.labels(),
                        counts.documents(), "memory"));
    }
}
