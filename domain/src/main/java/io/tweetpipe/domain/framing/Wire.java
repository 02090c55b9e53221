package io.tweetpipe.domain.framing;

/**
 * What a frame carries between relay and stream processor. Both are framed the same way, body then {@code __end}
 * then a newline, so a client of the tutorial's protocol reads one record per tweet from either.
 */
public enum Wire {

    /** The tweet's body alone, escaped (see {@link WireFormat}): the tutorial's contract, the relay's default. */
    TEXT,

    /**
     * One record per tweet, the record separator U+001E then a flat JSON object (see {@link StructuredFormat}): id,
     * creation time, language, author, body, whether it was extended, and its entities.
     */
    STRUCTURED
}
