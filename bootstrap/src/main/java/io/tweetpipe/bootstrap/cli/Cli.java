package io.tweetpipe.bootstrap.cli;

import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.domain.Rejection;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ResourceBundle;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reads a command line into the run's settings. Every mistake in it is found at once, each one line that says what is
 * wrong; nothing here throws at the user.
 */
public final class Cli {

    /** What a command line comes to: help or the version printed, mistakes, or a run. */
    public sealed interface Outcome permits Printed, Mistakes, Run { }

    public record Printed() implements Outcome { }

    /** @param help the command whose {@code --help} says what would be right, e.g. {@code tweetpipe stream} */
    public record Mistakes(Seq<String> lines, String help) implements Outcome { }

    public record Run(PipelineConfig config) implements Outcome { }

    private Cli() {
    }

    /**
     * Reads {@code args}; help and the version are printed on {@code out}. Words that cannot be read (an unknown
     * option, a value of the wrong type) are reported together; when there are none, every value the parts refuse is.
     */
    public static Outcome parse(String[] args, PrintStream out) {
        CommandLine tweetpipe = new CommandLine(new Modes.Tweetpipe()).setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        tweetpipe.getCommandSpec().usageMessage().customSynopsis("tweetpipe [demo|relay|stream|train] [OPTIONS]");
        // The version Maven wrote, found by this jar's class loader: under spark-submit, picocli's cannot see it.
        ResourceBundle build = ResourceBundle.getBundle(Cli.class.getPackageName() + ".version", Locale.ROOT,
                Cli.class.getClassLoader());
        String version = "tweetpipe " + build.getString("tweetpipe.version") + " (Spark "
                + build.getString("spark.version") + ", Java " + System.getProperty("java.version") + ")";
        List.ofAll(tweetpipe.getSubcommands().values()).append(tweetpipe)
                .forEach(command -> command.getCommandSpec().version(version));
        tweetpipe.getCommandSpec().parser().collectErrors(true);
        ParseResult top = tweetpipe.parseArgs(args);
        if (CommandLine.printHelpIfRequested(top)) {
            return new Printed();
        }
        CommandLine mode = List.ofAll(tweetpipe.getSubcommands().values()).find(sub -> sub.getParseResult() != null)
                .getOrElse(tweetpipe);
        Seq<String> mistakes = List.ofAll(top.errors()).flatMap(error -> describe(error, tweetpipe, mode, args))
                .appendAll(List.ofAll(mode == tweetpipe ? List.empty() : top.matchedOptions())
                        .map(option -> option.longestName() + " goes after the mode: "
                                + mode.getCommandSpec().qualifiedName() + " " + option.longestName()));
        if (mistakes.nonEmpty()) {
            return new Mistakes(mistakes.distinct(), mode.getCommandSpec().qualifiedName());
        }
        return ((Modes.ModeCommand) mode.getCommand()).config().fold(
                problems -> new Mistakes(problems.map(Rejection::toString), mode.getCommandSpec().qualifiedName()),
                Run::new);
    }

    /** An option group as it is when none of its options is given: its defaults. */
    static <T> T defaults(T options) {
        new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true).parseArgs();
        return options;
    }

    /** One line for each word picocli could not place: an unknown mode, another mode's option, or a typo. */
    private static Seq<String> describe(Exception error, CommandLine tweetpipe, CommandLine mode, String[] args) {
        if (!(error instanceof UnmatchedArgumentException unmatched)) {
            return List.of(error.getMessage());
        }
        List<String> words = List.ofAll(unmatched.getUnmatched());
        if (args.length > 0 && words.headOption().contains(args[0]) && !args[0].startsWith("-")) {
            return List.of("unknown mode '" + args[0] + "': use demo, relay, stream or train");
        }
        List<String> options = words.filter(word -> word.startsWith("-")).map(word -> word.split("=", 2)[0]);
        String here = mode == tweetpipe ? "demo" : mode.getCommandName();
        return options.isEmpty() ? List.of("unexpected argument '" + words.head() + "'") : options.map(option -> {
            List<String> owners = List.ofAll(tweetpipe.getSubcommands().values())
                    .filter(sub -> sub.getCommandSpec().findOption(option) != null).map(CommandLine::getCommandName);
            return owners.isEmpty() ? "unknown option '" + option + "'" : option + " belongs to the "
                    + (owners.size() > 1 ? owners.init().mkString(", ") + " and " + owners.last() + " modes"
                    : owners.head() + " mode") + ", not to the " + here;
        });
    }
}
