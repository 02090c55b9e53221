package io.tweetpipe.domain.analysis;

import java.io.Serializable;
import java.util.function.ObjLongConsumer;

/**
 * Keys counted where they stand in a text: a key is copied into a string the first time it is seen, and only then.
 * Open addressing with linear probing over the key's {@link String#hashCode} (computed on the range, so a stored
 * key's cached hash rejects most others at once). Not thread-safe: one per task.
 */
public final class KeyCounts implements KeySink, Serializable {

    private static final long serialVersionUID = 1L;
    private static final int FIRST_CAPACITY = 64;

    private String[] keys = new String[FIRST_CAPACITY];
    private long[] counts = new long[FIRST_CAPACITY];
    private int size;

    /** Counts {@code text[from, to)} once more. */
    @Override
    public void key(String text, int from, int to) {
        add(text, from, to, 1);
    }

    @Override
    public void key(String text, int from, int to, int hash) {
        add(text, from, to, hash, 1);
    }

    public void add(String text, int from, int to, long count) {
        add(text, from, to, hash(text, from, to), count);
    }

    private void add(String text, int from, int to, int hash, long count) {
        int slot = slot(text, from, to, hash);
        if (keys[slot] == null) {
            keys[slot] = from == 0 && to == text.length() ? text : text.substring(from, to);
            size++;
            counts[slot] = count;
            if (size * 2 > keys.length) {
                grow();
            }
        } else {
            counts[slot] += count;
        }
    }

    /** How often {@code text[from, to)} was counted: 0 if never. */
    public long count(String text, int from, int to) {
        return count(text, from, to, hash(text, from, to));
    }

    /** The same, given the key's {@link String#hashCode}. */
    long count(String text, int from, int to, int hash) {
        int slot = slot(text, from, to, hash);
        return keys[slot] == null ? 0 : counts[slot];
    }

    public long count(String key) {
        return count(key, 0, key.length());
    }

    /** How many keys were counted. */
    public int size() {
        return size;
    }

    /** Each key with its count, in no particular order. */
    public void forEach(ObjLongConsumer<String> each) {
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != null) {
                each.accept(keys[slot], counts[slot]);
            }
        }
    }

    /** {@link String#hashCode} of {@code text[from, to)}, without the copy. */
    static int hash(String text, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        return hash;
    }

    /** The key's slot, or the empty slot where it would go. */
    private int slot(String text, int from, int to, int hash) {
        int mask = keys.length - 1;
        int length = to - from;
        for (int slot = (hash ^ hash >>> 16) & mask; ; slot = slot + 1 & mask) {
            String key = keys[slot];
            if (key == null || key.hashCode() == hash && key.length() == length
                    && text.regionMatches(from, key, 0, length)) {
                return slot;
            }
        }
    }

    private void grow() {
        String[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new String[oldKeys.length * 2];
        counts = new long[oldKeys.length * 2];
        for (int old = 0; old < oldKeys.length; old++) {
            String key = oldKeys[old];
            if (key != null) {
                int slot = slot(key, 0, key.length(), key.hashCode());
                keys[slot] = key;
                counts[slot] = oldCounts[old];
            }
        }
    }
}
