package io.tweetpipe.domain.features;

import io.tweetpipe.domain.analysis.Words;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import java.util.ArrayList;

/**
 * The terms a language is told by: every character 1-, 2- and 3-gram of each word, the word padded with a space on
 * each side so that beginnings and endings count ({@code " th"}, {@code "ão "}), and each symbol the tweet writes
 * (emoji, {@code ¿}). Short texts name few words but many n-grams, and n-grams are shared across the forms of a word,
 * which is why they are the classic features for telling languages apart. Hashtags, mentions and links are left out:
 * they are written in every language.
 *
 * <p>The streaming classifier and the offline model read the same terms, so a model learnt offline reads the stream
 * as it read its examples.
 */
public final class LanguageFeatures {

    /**
     * Names these terms in a saved model: when they change, this changes, and a model saved with other terms is
     * refused rather than read wrong.
     */
    public static final String VERSION = "char-grams-1-3+symbols/1";

    static final int LONGEST = 3;

    private LanguageFeatures() {
    }

    /** The terms' counts, hashed: what naive Bayes reads. */
    public static FeatureVector vector(TermHashing hashing, String body) {
        return hashing.vector(terms(body), TermHashing.Weighting.COUNTS);
    }

    public static Seq<String> terms(String body) {
        ArrayList<String> terms = new ArrayList<>();
        for (String word : Words.of(body)) {
            int[] points = (" " + word + " ").codePoints().toArray();
            for (int n = 1; n <= LONGEST; n++) {
                for (int start = 0; start + n <= points.length; start++) {
                    if (n == 1 && (start == 0 || start == points.length - 1)) {
                        continue;  // the padding alone says nothing
                    }
                    terms.add(new String(points, start, n));
                }
            }
        }
        terms.addAll(Words.symbols(body).toJavaList());
        return Array.ofAll(terms);
    }
}
