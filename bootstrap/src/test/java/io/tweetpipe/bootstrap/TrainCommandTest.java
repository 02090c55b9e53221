package io.tweetpipe.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tweetpipe train} as a user runs it: the command line, the replay source reading the bundled sample whole, the
 * use case's seeded held-out split, Spark ML's pipeline, the report printed and the model saved.
 */
class TrainCommandTest {

    private static final Pattern ACCURACY = Pattern.compile("held-out accuracy: (\\d\\.\\d{3}) \\((\\d+) of (\\d+)\\)");

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void givenTheBundledSample_train_isRightOnAtLeast95PercentOfTheTweetsItNeverSaw() {
        Path model = directory.resolve("language");

        int exit = run("train", "--model", model.toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        System.out.print(printed);
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        Matcher accuracy = ACCURACY.matcher(printed);
        assertTrue(accuracy.find(), printed);
        int judged = Integer.parseInt(accuracy.group(3));
        assertTrue(judged > 500 && judged < 700, judged + " of 3,000 held out at a share of 0.2");
        assertTrue(Double.parseDouble(accuracy.group(1)) >= 0.95, "held-out accuracy " + accuracy.group(1));
        assertTrue(printed.startsWith("trained on " + (3_000 - judged) + " tweets, tested on " + judged), printed);
        assertTrue(printed.contains("actual \\ predicted"), "the confusion matrix");
        assertTrue(printed.contains("model saved to " + model), printed);
        assertTrue(Files.isRegularFile(model.resolve("tweetpipe-model.properties")));
    }

    @Test
    void givenADirectoryHoldingSomethingElse_train_exitsOneWithOneLine() throws Exception {
        Path occupied = Files.createDirectories(directory.resolve("occupied"));
        Files.writeString(occupied.resolve("notes.txt"), "mine");

        assertEquals(1, run("train", "--model", occupied.toString()));

        assertEquals("tweetpipe: model: " + occupied + " holds files that are not a tweetpipe model: give an "
                + "empty or new directory\n", err.toString(StandardCharsets.UTF_8));
        assertEquals("mine", Files.readString(occupied.resolve("notes.txt")));
    }
}
