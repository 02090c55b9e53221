package io.tweetpipe.bootstrap.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tweetpipe.bootstrap.bench.BenchSuite;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's JVM flags, read from a stand-in {@code java} on the PATH that prints what it was given: the real
 * script, beside an empty jar, so no JVM starts. (The packaged tests run the real program through it.)
 */
class LauncherTest {

    @Test
    void givenNoJavaOpts_launch_addsTheThroughputCollectorTheBenchmarkReads(@TempDir Path checkout) throws Exception {
        List<String> arguments = launch(checkout, null, "stream", "--sql", "SELECT 1");

        List<String> collector = BenchSuite.launcherFlags(PackagedTweetpipe.LAUNCHER);
        assertEquals(List.of("-XX:+UseParallelGC"), collector);
        assertEquals(List.of("-XX:+UseParallelGC", "-jar", jar(checkout), "stream", "--sql", "SELECT 1"), arguments);
    }

    @Test
    void givenJavaOptsNamingACollector_launch_addsNoSecondOne(@TempDir Path checkout) throws Exception {
        // Two collectors stop the JVM before it starts ("Multiple garbage collectors selected").
        List<String> arguments = launch(checkout, "-Xmx2g -XX:+UseG1GC", "demo");

        assertEquals(List.of("-Xmx2g", "-XX:+UseG1GC", "-jar", jar(checkout), "demo"), arguments);
    }

    @Test
    void givenJavaOptsWithoutACollector_launch_keepsThemAfterTheCollector(@TempDir Path checkout) throws Exception {
        List<String> arguments = launch(checkout, "-Xmx2g -XX:+UseStringDeduplication", "demo");

        assertEquals(List.of("-XX:+UseParallelGC", "-Xmx2g", "-XX:+UseStringDeduplication", "-jar", jar(checkout),
                "demo"), arguments);
    }

    private static List<String> launch(Path checkout, String javaOpts, String... args) throws Exception {
        Path launcher = Files.copy(PackagedTweetpipe.LAUNCHER, checkout.resolve("tweetpipe"));
        Files.createDirectories(checkout.resolve("bootstrap/target"));
        Files.createFile(checkout.resolve("bootstrap/target/tweetpipe.jar"));
        Path bin = Files.createDirectories(checkout.resolve("bin"));
        Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path printed = checkout.resolve("printed.txt");

        List<String> command = new ArrayList<>(List.of("sh", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(printed.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", bin + File.pathSeparator + builder.environment().get("PATH"));
        builder.environment().remove("JAVA_OPTS");
        if (javaOpts != null) {
            builder.environment().put("JAVA_OPTS", javaOpts);
        }
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue(), () -> read(printed));
        return read(printed).lines().toList();
    }

    private static String jar(Path checkout) {
        return checkout.resolve("bootstrap/target/tweetpipe.jar").toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
