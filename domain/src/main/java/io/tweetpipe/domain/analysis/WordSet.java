package io.tweetpipe.domain.analysis;

import java.io.Serializable;

/** Words to look up where they stand in a text, without copying them: stop words, tracked keywords. */
public final class WordSet implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The empty set. */
    public static final WordSet NONE = of(java.util.List.of());

    private final KeyCounts words = new KeyCounts();
    /** The shortest and longest words: a word of another length is answered without its hash. */
    private int shortest = Integer.MAX_VALUE;
    private int longest;

    private WordSet() {
    }

    public static WordSet of(Iterable<String> words) {
        WordSet set = new WordSet();
        words.forEach(word -> {
            set.words.key(word, 0, word.length());
            set.shortest = Math.min(set.shortest, word.length());
            set.longest = Math.max(set.longest, word.length());
        });
        return set;
    }

    public boolean contains(String text, int from, int to) {
        return to - from >= shortest && to - from <= longest && words.count(text, from, to) > 0;
    }

    /** The same, given the word's {@link String#hashCode}. */
    public boolean contains(String text, int from, int to, int hash) {
        return to - from >= shortest && to - from <= longest && words.count(text, from, to, hash) > 0;
    }

    /** A sink that passes on the keys not in this set. */
    public KeySink without(KeySink sink) {
        return new KeySink() {
            @Override
            public void key(String text, int from, int to) {
                if (!contains(text, from, to)) {
                    sink.key(text, from, to);
                }
            }

            @Override
            public void key(String text, int from, int to, int hash) {
                if (!contains(text, from, to, hash)) {
                    sink.key(text, from, to, hash);
                }
            }
        };
    }

    public boolean contains(String word) {
        return contains(word, 0, word.length());
    }

    public boolean isEmpty() {
        return words.size() == 0;
    }
}
