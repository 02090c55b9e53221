package io.tweetpipe.bootstrap.faults;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines for child JVMs on this JVM's class path with this JVM's flags: Spark's {@code --add-opens} (the root
 * pom's {@code spark.jvm.flags}, which surefire and the soak script pass to this JVM), its {@code -XX} and
 * {@code -D} settings, but a heap of the child's own.
 */
final class Jvm {

    private Jvm() {
    }

    static List<String> command(String mainClass, String heap, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("--add-opens") || flag.startsWith("-XX:") || flag.startsWith("-D")) {
                command.add(flag);
            }
        }
        command.add("-Xmx" + heap);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** A process's peak resident memory so far (VmHWM), in bytes; -1 if the system does not say. */
    static long peakRssBytes(long pid) {
        return procStatus(pid, "VmHWM:");
    }

    static long rssBytes(long pid) {
        return procStatus(pid, "VmRSS:");
    }

    private static long procStatus(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    String[] parts = line.substring(field.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (Exception gone) {
            // no /proc, or the process has ended
        }
        return -1;
    }
}
