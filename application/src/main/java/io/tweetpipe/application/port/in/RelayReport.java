package io.tweetpipe.application.port.in;

/**
 * What the relay did with what its source said.
 *
 * @param relayed tweets handed to a reader or kept in the backlog for the next one
 * @param rejected messages that could not be relayed: malformed, or a tweet with no text
 * @param dropped framed tweets nobody could take without blocking (see the publisher's policy)
 * @param deleted delete notices received
 * @param withheld tweets the source said it matched but did not deliver (Twitter's limit notices)
 * @param notices stall warnings, disconnect messages and unknown messages
 */
public record RelayReport(long relayed, long rejected, long dropped, long deleted, long withheld, long notices) {

    @Override
    public String toString() {
        return "relayed " + relayed + ", rejected " + rejected + ", dropped " + dropped + ", deleted " + deleted
                + ", withheld by the source " + withheld + ", notices " + notices;
    }
}
