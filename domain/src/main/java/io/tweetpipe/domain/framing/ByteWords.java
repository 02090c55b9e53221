package io.tweetpipe.domain.framing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes at a time: a byte array read as longs, and tests on all eight bytes of one at once, for the scans that
 * run over every byte of the stream (the marker search, the preprocessing of plain ASCII). The bit tricks are Sean
 * Anderson's "Bit Twiddling Hacks" (haszero, hasless), exact as yes-or-no answers.
 */
public final class ByteWords {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private ByteWords() {
    }

    /** The eight bytes from {@code bytes[at]}, the first in the lowest byte of the long. */
    public static long wordAt(byte[] bytes, int at) {
        return (long) LONGS.get(bytes, at);
    }

    /** Whether any of the word's bytes is {@code value}. */
    public static boolean hasByte(long word, int value) {
        long matches = word ^ ONES * (value & 0xFF);
        return ((matches - ONES) & ~matches & HIGH_BITS) != 0;
    }

    /** Whether any byte is not ASCII. */
    public static boolean hasNonAscii(long word) {
        return (word & HIGH_BITS) != 0;
    }

    /** Whether any byte is below {@code limit}, for a word of ASCII bytes and a limit up to 128. */
    public static boolean hasAsciiBelow(long word, int limit) {
        return ((word - ONES * limit) & ~word & HIGH_BITS) != 0;
    }

    /** The word with each byte from 'A' to 'Z' lower-cased, for a word of ASCII bytes. */
    public static long lowerCaseAscii(long word) {
        long fromA = word + ONES * (0x80 - 'A');  // a byte's high bit is set from 'A' on
        long pastZ = word + ONES * (0x7F - 'Z');  // and from past 'Z' on
        return word | (fromA & ~pastZ & HIGH_BITS) >>> 2;  // 0x80 >>> 2 is 'a' - 'A'
    }
}
