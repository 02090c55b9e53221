package io.tweetpipe.bootstrap.cli;

import io.tweetpipe.bootstrap.config.Mode;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.domain.Rejection;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

/** The tutorial's first program: a source relayed to a TCP server socket. */
@Command(name = "relay", description = "reads tweets (a replay of recorded tweets, or Twitter's filtered stream) "
        + "and serves them, framed with __end, on a TCP socket")
final class RelayCommand implements ModeCommand {

    @ArgGroup(validate = false, heading = FilterOptions.HEADING, order = 1)
    FilterOptions filter = new FilterOptions();

    @ArgGroup(validate = false, heading = SocketOptions.HEADING, order = 2)
    SocketOptions socket = new SocketOptions();

    @ArgGroup(validate = false, heading = SourceOptions.HEADING, order = 3)
    SourceOptions source = new SourceOptions();

    @ArgGroup(validate = false, heading = RunOptions.HEADING, order = 9)
    RunOptions run = new RunOptions();

    @Override
    public Validation<Seq<Rejection>, PipelineConfig> config() {
        return PipelineConfig.of(Mode.RELAY, filter.filter(), source.source, source.replay(), source.twitter(),
                socket.relay(), Validation.valid(Option.none()), run.runFor());
    }
}
