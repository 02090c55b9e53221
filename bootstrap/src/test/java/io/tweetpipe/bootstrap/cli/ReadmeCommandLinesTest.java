package io.tweetpipe.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.bootstrap.testing.CommandLines;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every tweetpipe command line the README shows, run through the parser as written: those in its shell blocks, those
 * quoted in its text, and the options it quotes with a value. What a line may lack here is only what the README's own
 * surroundings provide: the credentials its {@code export} line sets, and the file its previous command records.
 */
class ReadmeCommandLinesTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern SHELL_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("`((?:\\./)?tweetpipe [^`]*|--[^`]+)`");
    /** N, DIR, host:port: words the README puts where the reader writes their own. */
    private static final Pattern PLACEHOLDER = Pattern.compile("[A-Z]+|.*host:port.*");

    /** A command line as the README writes it, and the words tweetpipe receives from it. */
    record Shown(String line, List<String> args) {
        @Override
        public String toString() {
            return line;
        }
    }

    static Stream<Shown> commandLines() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        List<Shown> shown = List.empty();
        Matcher block = SHELL_BLOCK.matcher(readme);
        while (block.find()) {
            for (String line : block.group(1).replace("\\\n", " ").split("\n")) {
                String command = line.replaceAll("\\s+#.*", "").replaceAll("\\s+", " ").strip();
                int program = Math.max(command.indexOf("./tweetpipe"), command.indexOf("tweetpipe.jar"));
                if (program >= 0) {  // the words after ./tweetpipe, or after the jar spark-submit is given
                    shown = shown.append(new Shown(command, words(command.substring(program)).tail()));
                }
            }
        }
        Matcher quoted = QUOTED.matcher(readme);
        while (quoted.find()) {
            List<String> words = words(quoted.group(1));
            if (words.head().endsWith("tweetpipe")) {
                shown = shown.append(new Shown(quoted.group(1), words.tail()));
            } else if (words.size() > 1 && !words.tail().exists(word -> PLACEHOLDER.matcher(word).matches())) {
                shown = shown.append(new Shown(quoted.group(1), words));  // an option and its value, for the demo
            }
        }
        return shown.distinct().toJavaStream();
    }

    /** The words a shell makes of a line: split on white space, but a double-quoted part is one word. */
    private static List<String> words(String text) {
        List<String> words = List.empty();
        Matcher word = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(text.strip());
        while (word.find()) {
            words = words.append(word.group(1) != null ? word.group(1) : word.group(2));
        }
        return words;
    }

    @Test
    void theReadme_showsTheCommandLinesThisTestExpects() throws IOException {
        List<String> found = List.ofAll(commandLines().map(Shown::line).toList());

        assertTrue(found.size() >= 12, found::toString);
        assertTrue(found.exists(line -> line.endsWith("tweetpipe.jar stream --host RELAY_HOST --port 5555 --expose")),
                found::toString);
        assertTrue(found.contains("./tweetpipe relay --source twitter --keywords covid --languages en "
                + "--stream-base-url https://stream.example.org/1.1/ --record covid.jsonl"), found::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandLines")
    void aCommandLineTheReadmeShows_parses(Shown shown) {
        // spark-submit hands its --master to the job as this system property, as it does on a cluster.
        Matcher submitted = Pattern.compile("spark-submit --master (\\S+)").matcher(shown.line());
        String before = System.getProperty("spark.master");
        if (submitted.find()) {
            System.setProperty("spark.master", submitted.group(1));
        }
        try {
            Seq<String> mistakes = shown.args().contains("--help") || shown.args().contains("--version")
                    ? helpPrinted(shown.args())
                    : CommandLines.config(shown.args().toJavaArray(String[]::new)).fold(m -> m, config -> List.empty());
            Seq<String> unexplained = mistakes.reject(line -> line.startsWith("credentials: ")
                    || line.matches("replay file: \\S+ does not exist"));
            assertTrue(unexplained.isEmpty(), unexplained::toString);
        } finally {
            if (before == null) {
                System.clearProperty("spark.master");
            } else {
                System.setProperty("spark.master", before);
            }
        }
    }

    private static Seq<String> helpPrinted(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cli.Outcome outcome = Cli.parse(args.toJavaArray(String[]::new), new PrintStream(out, true,
                StandardCharsets.UTF_8));
        return outcome instanceof Cli.Printed && out.size() > 0 ? List.empty() : List.of("no help: " + outcome);
    }
}
