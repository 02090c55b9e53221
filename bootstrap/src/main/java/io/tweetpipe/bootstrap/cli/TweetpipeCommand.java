package io.tweetpipe.bootstrap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ScopeType;

/** {@code tweetpipe [demo|relay|stream] [options]}: with no mode, the demo, whose options it takes. */
@Command(name = "tweetpipe",
        description = "A live tweet pipeline on Spark Streaming, after the classic two-program tutorial.",
        subcommands = {DemoCommand.class, RelayCommand.class, StreamCommand.class},
        scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, versionProvider = TweetpipeCommand.Version.class,
        sortOptions = false, abbreviateSynopsis = true, commandListHeading = "%nModes:%n")
final class TweetpipeCommand extends BothPrograms {

    /** This build's version, from the properties Maven writes at build time. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties build = new Properties();
            try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
                build.load(in);
            }
            return new String[] {"tweetpipe " + build.getProperty("version") + " (Spark " + build.getProperty("spark")
                    + ", Java ${java.version})"};
        }
    }
}
