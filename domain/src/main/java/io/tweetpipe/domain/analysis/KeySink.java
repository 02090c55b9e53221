package io.tweetpipe.domain.analysis;

/**
 * Where a rule puts each key it finds: the key is {@code text[from, to)}, read in place, so that counting a key seen
 * before copies nothing (a batch counts the same few thousand words and hashtags hundreds of thousands of times).
 */
@FunctionalInterface
public interface KeySink {

    void key(String text, int from, int to);
}
