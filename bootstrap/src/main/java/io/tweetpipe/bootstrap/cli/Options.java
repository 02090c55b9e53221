package io.tweetpipe.bootstrap.cli;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.time.Duration;

/** Everything a user can say on the command line, with the defaults the README promises. */
public record Options(
        Mode mode,
        List<String> keywords,
        List<String> languages,
        String host,
        int port,
        boolean exposed,
        Duration batchInterval,
        String master,
        SourceKind source,
        Option<Path> replayFile,
        double rate,
        boolean loop,
        Option<Path> record,
        Option<String> streamBaseUrl,
        int maxFrameBytes,
        Option<Duration> runFor) {

    public static Options defaults() {
        return new Options(Mode.DEMO, List.of("covid"), List.of("en"), "127.0.0.1", 5555, false,
                Duration.ofSeconds(1), "local[2]", SourceKind.REPLAY, Option.none(), 100, true, Option.none(),
                Option.none(), 1 << 20, Option.none());
    }
}
