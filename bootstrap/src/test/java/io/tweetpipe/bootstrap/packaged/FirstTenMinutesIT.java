package io.tweetpipe.bootstrap.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Your first ten minutes", run on the packaged program as a new user runs it after the build (failsafe
 * runs after {@code package}, the README's {@code mvn -q -DskipTests package}). What differs from the commands as
 * written, so that the test can run beside another tweetpipe and in seconds: the relay's port comes from
 * {@code TWEETPIPE_PORT}, the dashboard is asked for a free port ({@code --dashboard-port 0}, its address read from the
 * line that says it), Ctrl-C is SIGTERM (see {@link PackagedTweetpipe#interrupt}), and the stored run is 15 s, not 60 s.
 */
class FirstTenMinutesIT {

    private static final Path README = PackagedTweetpipe.ROOT.resolve("README.md");
    private static final Pattern BATCH_HEADER = Pattern.compile("(?m)^Time: \\d+ ms$");
    private static final Pattern TRENDING = Pattern.compile("(?m)^Trending hashtags at \\d+ ms");
    private static final Pattern DASHBOARD = Pattern.compile("dashboard on (http://127\\.0\\.0\\.1:\\d+/)");
    private static final Pattern CLOSING = Pattern.compile(
            "tweetpipe: relay stopped: relayed \\d+, rejected \\d+, dropped \\d+, deleted \\d+");
    private static final Pattern MALFORMED = Pattern.compile("not relayed: (line \\d+ of the bundled sample): ");
    private static final Pattern LOOPED = Pattern.compile("not relayed again: line \\d+ of the bundled sample");
    private static final Pattern LOG_LINE = Pattern.compile("(?m)^\\d\\d:\\d\\d:\\d\\d (INFO|WARN|ERROR) ");
    private static final Pattern SQLITE_COMMAND = Pattern.compile("(?m)^(sqlite3 tweetpipe\\.db \"([^\"]+)\")$");

    private static String firstTenMinutes;
    private static String readme;

    @BeforeAll
    static void readTheReadme() throws Exception {
        readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf("### Your first ten minutes");
        assertTrue(start >= 0, "the README's first ten minutes");
        firstTenMinutes = readme.substring(start, readme.indexOf("\n### ", start + 1));
    }

    /** Steps 1, 2 and 4: run it, see batches and trends, open the dashboard, stop it with one line. */
    @Test
    void givenTheReadmesRunCommand_runOpenAndStop_showBatchesTrendsTheDashboardAndOneClosingLine(
            @TempDir Path directory) throws Exception {
        assertTrue(firstTenMinutes.contains("`mvn -q -DskipTests package && ./tweetpipe`"), firstTenMinutes);
        assertTrue(firstTenMinutes.contains("http://127.0.0.1:8055/"), firstTenMinutes);
        try (PackagedTweetpipe tweetpipe = PackagedTweetpipe.start(directory, "--dashboard-port", "0")) {
            String dashboard = tweetpipe.awaitMatch(false, DASHBOARD, Duration.ofSeconds(60)).group(1);
            tweetpipe.awaitMatch(true, TRENDING, Duration.ofSeconds(90));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(dashboard)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String state = http.send(HttpRequest.newBuilder(URI.create(dashboard).resolve("/api/state")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            tweetpipe.awaitMatch(false, LOOPED, Duration.ofSeconds(60));  // the sample replayed once at least

            tweetpipe.interrupt();
            PackagedTweetpipe.Finished run = tweetpipe.awaitExit(Duration.ofSeconds(60));

            assertEquals(200, page.statusCode(), run::toString);
            assertTrue(page.body().contains("Latest tweets"), page::body);
            assertTrue(state.contains("\"kind\":\"batch\"") && state.contains("\"lang\":\"en\""), state);
            assertEquals(143, run.exitCode(), () -> "SIGTERM, in order: " + run);
            assertTrue(BATCH_HEADER.matcher(run.out()).results().count() >= 3, run::toString);
            assertFalse(LOG_LINE.matcher(run.out()).find(), () -> "logs on standard error only: " + run);
            assertTrue(LOG_LINE.matcher(run.err()).find(), run::toString);
            List<String> closing = run.errLines().stream().filter(line -> line.contains("relay stopped")).toList();
            assertEquals(1, closing.size(), run::toString);
            assertTrue(CLOSING.matcher(closing.get(0)).matches(), () -> "one short closing line: " + closing);
            Map<String, Long> malformed = MALFORMED.matcher(run.err()).results().map(found -> found.group(1))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertFalse(malformed.isEmpty(), run::toString);
            assertTrue(malformed.values().stream().allMatch(times -> times == 1),
                    () -> "each malformed line logged once, then counted: " + malformed);
        }
    }

    /** Step 3: store a run in the embedded database, then the README's query returns its trends. */
    @Test
    void givenTheReadmesStoringCommand_runThenQuery_keepsTheTweetsAndTrends(@TempDir Path directory)
            throws Exception {
        assertTrue(firstTenMinutes.contains("`./tweetpipe --sinks console,db --run-for 60s`"), firstTenMinutes);
        Matcher sqlite = SQLITE_COMMAND.matcher(readme);
        assertTrue(sqlite.find(), "the README's sqlite3 query");

        PackagedTweetpipe.Finished run = PackagedTweetpipe.run(directory, Duration.ofSeconds(120),
                "--sinks", "console,db", "--run-for", "15s");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(Files.isRegularFile(directory.resolve("tweetpipe.db")), run::toString);
        List<String> trends = query(directory, sqlite.group(1), sqlite.group(2));
        assertFalse(trends.isEmpty(), () -> "the stored trends: " + run);
        assertTrue(trends.get(0).matches("trends-hashtags\\|\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\\|1\\|\\S+\\|\\d+"),
                trends::toString);
        List<String> tweets = query(directory, "sqlite3 tweetpipe.db \"SELECT count(*) FROM tweets\"",
                "SELECT count(*) FROM tweets");
        assertTrue(Long.parseLong(tweets.get(0)) > 0, tweets::toString);
    }

    /**
     * The rows a query prints, as the README runs it: the sqlite3 command line where sqlite3 is installed, else the
     * same SQL through SQLite's JDBC driver, its columns joined by {@code |} as sqlite3 prints them.
     */
    private static List<String> query(Path directory, String commandLine, String sql) throws Exception {
        if (onPath("sqlite3")) {
            Process sqlite3 = new ProcessBuilder("sh", "-c", commandLine).directory(directory.toFile())
                    .redirectErrorStream(true).start();
            String printed = new String(sqlite3.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(sqlite3.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, sqlite3.exitValue(), printed);
            return printed.lines().toList();
        }
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("tweetpipe.db"));
             Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> cells = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    cells.add(result.getString(column));
                }
                rows.add(String.join("|", cells));
            }
        }
        return rows;
    }

    private static boolean onPath(String program) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
    }
}
