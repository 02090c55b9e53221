package io.tweetpipe.domain.analysis;

import java.io.Serializable;

/** Words to look up where they stand in a text, without copying them: stop words, tracked keywords. */
public final class WordSet implements Serializable {

    private static final long serialVersionUID = 1L;

    private final KeyCounts words = new KeyCounts();

    private WordSet() {
    }

    public static WordSet of(Iterable<String> words) {
        WordSet set = new WordSet();
        words.forEach(word -> set.words.key(word, 0, word.length()));
        return set;
    }

    public boolean contains(String text, int from, int to) {
        return words.count(text, from, to) > 0;
    }

    public boolean contains(String word) {
        return contains(word, 0, word.length());
    }

    public boolean isEmpty() {
        return words.size() == 0;
    }
}
