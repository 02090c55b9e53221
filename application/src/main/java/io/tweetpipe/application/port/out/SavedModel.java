package io.tweetpipe.application.port.out;

import io.vavr.collection.Seq;
import java.util.Objects;

/**
 * What a saved language model says of itself.
 *
 * @param features the version of the features it reads (see the domain's {@code LanguageFeatures.VERSION})
 * @param languages the languages it tells apart
 * @param examples how many tweets it learnt from
 * @param engine what trained it, with its version (e.g. {@code Spark 4.1.0})
 */
public record SavedModel(String directory, String features, Seq<String> languages, long examples, String engine) {

    public SavedModel {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(languages, "languages");
        Objects.requireNonNull(engine, "engine");
    }

    @Override
    public String toString() {
        return "a model of " + languages.size() + " languages (" + languages.mkString(", ") + ") learnt from "
                + examples + " tweets by " + engine + ", in " + directory;
    }
}
