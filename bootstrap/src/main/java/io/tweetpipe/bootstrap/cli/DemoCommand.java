package io.tweetpipe.bootstrap.cli;

import picocli.CommandLine.Command;

/** {@code tweetpipe demo}: both programs in one process. */
@Command(name = "demo", description = "both in one process (the default)")
final class DemoCommand extends BothPrograms {
}
