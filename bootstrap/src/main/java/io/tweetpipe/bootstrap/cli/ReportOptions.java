package io.tweetpipe.bootstrap.cli;

import picocli.CommandLine;

/** What the relay says when it stops (demo and relay). */
final class ReportOptions {

    @CommandLine.Option(names = "--verbose", description = "end with the relay's full socket accounting (frames "
            + "sent, kept and dropped by cause, readers, bytes), not just one line of relayed, rejected, dropped and "
            + "deleted")
    boolean verbose;
}
