package io.tweetpipe.adapters.twitter.live;

/**
 * What the live source did besides handing messages on; the messages themselves (deletions, limit notices, stall
 * warnings, unknown messages) are counted by whoever listens.
 *
 * @param connections connections that were opened and answered 200
 * @param failures connection attempts that failed or connections that ended, each followed by a reconnection or by
 *     the end of the stream
 * @param duplicates statuses the stream sent again and that were not handed on twice
 * @param deletedBeforeHandedOn statuses never handed on because their delete notice came first
 * @param overflowed messages dropped because the listener fell too far behind
 */
public record LiveFigures(long connections, long failures, long duplicates, long deletedBeforeHandedOn,
                          long overflowed) {
}
