package io.tweetpipe.adapters.socket;

/**
 * What the relay did so far, as one consistent snapshot of its counters.
 *
 * @param published frames offered to {@link SocketRelay#publish}
 * @param sent frames taken by at least one connected client ({@code SENT})
 * @param backlogged frames kept for the next client because none was connected ({@code BACKLOGGED})
 * @param droppedBacklogFull frames dropped because no client was connected and the backlog was full
 * @param droppedEveryClientFull frames dropped because every connected client's buffer was full
 * @param droppedOversized frames dropped because they were longer than the frame cap
 * @param droppedClosed frames offered after {@link SocketRelay#close()} began
 * @param discardedOnClose frames kept in the backlog (they were {@code BACKLOGGED}) that no client came for before
 *     {@link SocketRelay#close()}
 * @param clientMisses frames a client missed because its buffer was full, summed over clients (a frame missed by
 *     two clients counts twice; one every client missed is also in {@code droppedEveryClientFull})
 * @param salvaged frames not yet written to the last client when it disconnected, put back in the backlog
 * @param lostOnDisconnect frames queued for a client that went away and could not be put back: in flight when its
 *     write failed, or not salvaged because other clients were connected, the backlog was full or the relay was
 *     closing (they were already counted as sent)
 * @param clientsServed clients accepted since the relay opened
 * @param clientsRefused clients closed at once because {@link RelaySettings#maxClients()} were connected
 * @param clientsStalled clients the relay hung up on because a write to them stayed blocked for
 *     {@link RelaySettings#stallTimeout()}
 * @param bytesWritten bytes written to client sockets
 * @param bytesIgnored bytes clients sent to the relay, read and thrown away
 * @param clients clients connected now
 * @param backlogFrames frames in the backlog now
 * @param bufferedBytes bytes waiting now, in the backlog and in every client's buffer
 */
public record RelayStats(long published, long sent, long backlogged, long droppedBacklogFull,
                         long droppedEveryClientFull, long droppedOversized, long droppedClosed,
                         long discardedOnClose, long clientMisses, long salvaged, long lostOnDisconnect,
                         long clientsServed, long clientsRefused, long clientsStalled, long bytesWritten,
                         long bytesIgnored, int clients, int backlogFrames, long bufferedBytes) {

    /** Every frame whose {@code publish} returned {@code DROPPED}. */
    public long dropped() {
        return droppedBacklogFull + droppedEveryClientFull + droppedOversized + droppedClosed;
    }

    @Override
    public String toString() {
        return "published " + published + ", sent " + sent + ", backlogged " + backlogged + ", dropped " + dropped()
                + " (backlog full " + droppedBacklogFull + ", every client full " + droppedEveryClientFull
                + ", over the frame cap " + droppedOversized + ", after close " + droppedClosed + ")"
                + ", backlog discarded on close " + discardedOnClose
                + ", missed by slow clients " + clientMisses + ", salvaged on disconnect " + salvaged
                + ", lost on disconnect " + lostOnDisconnect + ", clients " + clients + " (served " + clientsServed
                + ", refused " + clientsRefused + ", hung up on as stalled " + clientsStalled + "), bytes written "
                + bytesWritten + ", bytes ignored "
                + bytesIgnored + ", backlog " + backlogFrames + " frames, buffered " + bufferedBytes + " bytes";
    }
}
