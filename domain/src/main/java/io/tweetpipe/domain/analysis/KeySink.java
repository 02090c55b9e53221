package io.tweetpipe.domain.analysis;

/**
 * Where a rule puts each key it finds: the key is {@code text[from, to)}, read in place, so that counting a key seen
 * before copies nothing (a batch counts the same few thousand words and hashtags hundreds of thousands of times).
 */
@FunctionalInterface
public interface KeySink {

    void key(String text, int from, int to);

    /**
     * The same key with its {@link String#hashCode}, for a rule that computed it while reading the key: a sink that
     * looks the key up (a count, a word list) need not read it again for its hash.
     */
    default void key(String text, int from, int to, int hash) {
        key(text, from, to);
    }
}
