package io.tweetpipe.bootstrap.cli;

import io.tweetpipe.adapters.spark.SparkSettings;
import io.tweetpipe.bootstrap.config.Mode;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.domain.Rejection;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The tutorial's second program: Spark Streaming reading the relay, or several. */
@Command(name = "stream", description = "Spark Streaming reads that socket in batches, splits on __end, "
        + "lower-cases, and prints the first ten records of each batch")
final class StreamCommand implements ModeCommand {

    @ArgGroup(validate = false, heading = SocketOptions.HEADING, order = 2)
    SocketOptions socket = new SocketOptions();

    @ArgGroup(validate = false, heading = StreamOptions.HEADING, order = 4)
    StreamOptions stream = new StreamOptions();

    @ArgGroup(validate = false, heading = "%nSeveral relays:%n", order = 5)
    Relays relays = new Relays();

    @ArgGroup(validate = false, heading = RunOptions.HEADING, order = 9)
    RunOptions run = new RunOptions();

    static final class Relays {
        @CommandLine.Option(names = "--relays", paramLabel = "LIST", split = ",", converter = RelayConverter.class,
                defaultValue = "${env:TWEETPIPE_RELAYS}",
                description = "read several relays, e.g. 127.0.0.1:5555,127.0.0.1:5556, one receiver each (a "
                        + "local master needs more threads than relays: local[3] for two); default: the one on "
                        + "--host and --port (environment: TWEETPIPE_RELAYS)")
        java.util.List<SparkSettings.Relay> given;
    }

    /**
     * The stream runs no source and serves no relay: the config's parts for them keep their defaults, which
     * nothing reads.
     */
    @Override
    public Validation<Seq<Rejection>, PipelineConfig> config() {
        SourceOptions noSource = Cli.defaults(new SourceOptions());
        Seq<SparkSettings.Relay> read = relays.given == null ? List.of(new SparkSettings.Relay(socket.host, socket.port))
                : List.ofAll(relays.given);
        return PipelineConfig.of(Mode.STREAM, Cli.defaults(new FilterOptions()).filter(),
                noSource.source, noSource.replay(), Validation.valid(Option.none()), socket.relay(),
                stream.spark(read, socket.maxFrameBytes).map(Option::some), run.runFor());
    }

    /** {@code host:port}, or {@code [v6 address]:port}; whether the port is one to read is Spark's settings' rule. */
    static final class RelayConverter implements ITypeConverter<SparkSettings.Relay> {
        @Override
        public SparkSettings.Relay convert(String text) {
            String value = text.strip();
            int colon = value.lastIndexOf(':');
            if (colon <= 0 || !value.substring(colon + 1).matches("\\d{1,5}")) {
                throw new TypeConversionException("'" + value + "' is not host:port");
            }
            String host = value.substring(0, colon).strip();
            return new SparkSettings.Relay(host.startsWith("[") && host.endsWith("]")
                    ? host.substring(1, host.length() - 1) : host, Integer.parseInt(value.substring(colon + 1)));
        }
    }
}
