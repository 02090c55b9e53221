package io.tweetpipe.bootstrap.cli;

import io.tweetpipe.adapters.spark.SparkQueryAnalyzer;
import io.tweetpipe.adapters.spark.SparkSettings;
import io.tweetpipe.adapters.web.DashboardSettings;
import io.tweetpipe.application.port.out.QueryAnalyzer;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.bootstrap.config.PipelineConfig.Mode;
import io.tweetpipe.bootstrap.config.PipelineConfig.SourceKind;
import io.tweetpipe.bootstrap.config.Storage;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.framing.Wire;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;

/** tweetpipe's modes: each lists the option groups it takes, and puts their parts of the run's settings together. */
final class Modes {

    private Modes() {
    }

    /** Queries are checked by Spark SQL itself, before anything starts. */
    private static final QueryAnalyzer QUERIES = new SparkQueryAnalyzer();

    interface ModeCommand {
        Validation<Seq<Rejection>, PipelineConfig> config();
    }

    /** {@code tweetpipe [demo|relay|stream] [OPTIONS]}: with no mode, the demo, whose options it takes. */
    @Command(name = "tweetpipe", description = "A live tweet pipeline on Spark Streaming, after the classic "
            + "two-program tutorial.", subcommands = {Demo.class, Relay.class, Stream.class, Train.class}, scope = ScopeType.INHERIT,
            mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
            commandListHeading = "%nModes:%n")
    static final class Tweetpipe extends BothPrograms { }

    @Command(name = "demo", description = "both in one process (the default)")
    static final class Demo extends BothPrograms { }

    /** The relay and the stream in one process, the stream reading the relay. */
    abstract static class BothPrograms extends WithSource {
        @ArgGroup(validate = false, heading = StreamOptions.HEADING, order = 4)
        StreamOptions stream = new StreamOptions();
        @ArgGroup(validate = false, heading = AnalysisOptions.HEADING, order = 6)
        AnalysisOptions analyses = new AnalysisOptions();
        @ArgGroup(validate = false, heading = DashboardOptions.HEADING, order = 7)
        DashboardOptions dashboard = new DashboardOptions();
        @ArgGroup(validate = false, heading = StorageOptions.HEADING, order = 8)
        StorageOptions outputs = new StorageOptions();

        @Override
        public Validation<Seq<Rejection>, PipelineConfig> config() {
            return config(Mode.DEMO, stream.spark(List.of(new SparkSettings.Relay(socket.host, socket.port)),
                    socket.maxFrameBytes).map(Option::some), analyses.analyses(Mode.DEMO, stream.batchInterval,
                    List.ofAll(filter.keywords), QUERIES), dashboard.dashboard(Mode.DEMO), outputs.storage());
        }
    }

    @Command(name = "relay", description = "reads tweets (a replay of recorded tweets, or Twitter's filtered "
            + "stream) and serves them, framed with __end, on a TCP socket")
    static final class Relay extends WithSource {
        @Override
        public Validation<Seq<Rejection>, PipelineConfig> config() {
            return config(Mode.RELAY, Validation.valid(Option.none()), Validation.valid(List.empty()),
                    Validation.valid(Option.none()), Validation.valid(Storage.NONE));
        }
    }

    /** A mode that runs a source and relays it: the relay, and the demo. */
    abstract static class WithSource implements ModeCommand {
        @ArgGroup(validate = false, heading = "%nFilter (applied by the source, as Twitter applies it):%n", order = 1)
        FilterOptions filter = new FilterOptions();
        @ArgGroup(validate = false, heading = SocketOptions.HEADING, order = 2)
        SocketOptions socket = new SocketOptions();
        @ArgGroup(validate = false, heading = "%nSource:%n", order = 3)
        SourceOptions source = new SourceOptions();
        @ArgGroup(validate = false, heading = "%nReport:%n", order = 10)
        ReportOptions report = new ReportOptions();
        @ArgGroup(validate = false, heading = KafkaOptions.HEADING, order = 11)
        KafkaOptions kafka = new KafkaOptions();
        @ArgGroup(validate = false, heading = RunOptions.HEADING, order = 9)
        RunOptions run = new RunOptions();

        Validation<Seq<Rejection>, PipelineConfig> config(Mode mode,
                                                          Validation<Seq<Rejection>, Option<SparkSettings>> spark,
                                                          Validation<Seq<Rejection>, Seq<Analysis>> analyses,
                                                          Validation<Seq<Rejection>, Option<DashboardSettings>> page,
                                                          Validation<Seq<Rejection>, Storage> storage) {
            return PipelineConfig.of(mode, filter.filter(), source.source, source.replay(), source.twitter(),
                    source.x(), socket.relay(), source.wire(mode), spark, analyses, page, storage, run.runFor(),
                    report.verbose, kafka.kafka(mode), Validation.valid(Option.none()));
        }
    }

    @Command(name = "stream", description = "Spark Streaming reads that socket in batches, splits on __end, "
            + "lower-cases, and prints the first ten records of each batch")
    static final class Stream implements ModeCommand {
        @ArgGroup(validate = false, heading = SocketOptions.HEADING, order = 2)
        SocketOptions socket = new SocketOptions();
        @ArgGroup(validate = false, heading = StreamOptions.HEADING, order = 4)
        StreamOptions stream = new StreamOptions();
        @ArgGroup(validate = false, heading = "%nSeveral relays:%n", order = 5)
        Relays relays = new Relays();
        @ArgGroup(validate = false, heading = AnalysisOptions.HEADING, order = 6)
        AnalysisOptions analyses = new AnalysisOptions();
        @ArgGroup(validate = false, heading = DashboardOptions.HEADING, order = 7)
        DashboardOptions dashboard = new DashboardOptions();
        @ArgGroup(validate = false, heading = StorageOptions.HEADING, order = 8)
        StorageOptions outputs = new StorageOptions();
        @ArgGroup(validate = false, heading = KafkaOptions.HEADING, order = 11)
        KafkaOptions kafka = new KafkaOptions();
        @ArgGroup(validate = false, heading = RunOptions.HEADING, order = 9)
        RunOptions run = new RunOptions();

        static final class Relays {
            @CommandLine.Option(names = "--relays", paramLabel = "LIST", split = ",", converter = RelayConverter.class,
                    defaultValue = "${env:TWEETPIPE_RELAYS}", description = "read several relays, e.g. "
                    + "127.0.0.1:5555,127.0.0.1:5556, one receiver each (a local master needs more threads than "
                    + "relays: local[3] for two); default: the one on --host and --port (environment: "
                    + "TWEETPIPE_RELAYS)")
            java.util.List<SparkSettings.Relay> given;
        }

        /** The stream runs no source and no relay: the settings' parts for them keep defaults nothing reads. */
        @Override
        public Validation<Seq<Rejection>, PipelineConfig> config() {
            SourceOptions none = Cli.defaults(new SourceOptions());
            Seq<SparkSettings.Relay> read = relays.given == null
                    ? List.of(new SparkSettings.Relay(socket.host, socket.port)) : List.ofAll(relays.given);
            return PipelineConfig.of(Mode.STREAM, Cli.defaults(new FilterOptions()).filter(), none.source,
                    none.replay(), Validation.valid(Option.none()), Validation.valid(Option.none()), socket.relay(),
                    none.wire(Mode.STREAM), stream.spark(read, socket.maxFrameBytes).map(Option::some),
                    analyses.analyses(Mode.STREAM, stream.batchInterval, List.empty(), QUERIES),
                    dashboard.dashboard(Mode.STREAM), outputs.storage(), run.runFor(), false,
                    kafka.kafka(Mode.STREAM), Validation.valid(Option.none()));
        }
    }

    @Command(name = "train", description = "learns a language model from a recording (Twitter v1.1 JSON lines), "
            + "tests it on tweets held out, prints its accuracy and confusion matrix, and saves it")
    static final class Train implements ModeCommand {
        @ArgGroup(validate = false, heading = "%nTraining:%n", order = 1)
        TrainOptions training = new TrainOptions();

        /** Runs no relay, no stream and no page: those parts keep defaults nothing reads. */
        @Override
        public Validation<Seq<Rejection>, PipelineConfig> config() {
            return PipelineConfig.of(Mode.TRAIN, Cli.defaults(new FilterOptions()).filter(), SourceKind.REPLAY,
                    training.recording(), Validation.valid(Option.none()), Validation.valid(Option.none()),
                    Cli.defaults(new SocketOptions()).relay(), Wire.TEXT, Validation.valid(Option.none()),
                    Validation.valid(List.empty()), Validation.valid(Option.none()), Validation.valid(Storage.NONE),
                    Option.none(), false, Validation.valid(Option.none()), training.training().map(Option::some));
        }
    }

    /** {@code host:port}, or {@code [v6 address]:port}; whether the port is one to read is Spark's settings' rule. */
    static final class RelayConverter implements ITypeConverter<SparkSettings.Relay> {
        private static final Pattern HOST_PORT = Pattern.compile("\\[?([^\\[\\]]+?)]?:(\\d{1,5})");

        @Override
        public SparkSettings.Relay convert(String text) {
            Matcher relay = HOST_PORT.matcher(text.strip());
            if (!relay.matches()) {
                throw new TypeConversionException("'" + text.strip() + "' is not host:port");
            }
            return new SparkSettings.Relay(relay.group(1).strip(), Integer.parseInt(relay.group(2)));
        }
    }
}
