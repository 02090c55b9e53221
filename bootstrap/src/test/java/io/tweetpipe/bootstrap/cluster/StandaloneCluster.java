package io.tweetpipe.bootstrap.cluster;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster on this machine, from the Spark jars on the test's class path: a master and one
 * worker, each a JVM of its own started with plain {@code java -cp}, everything bound to 127.0.0.1. The worker
 * launches executors (JVMs of their own) only when {@code SPARK_HOME} holds a {@code jars/} folder with the Spark
 * jars and {@code SPARK_SCALA_VERSION} is set, so a temporary {@code SPARK_HOME} is made of links to the class
 * path's library jars, as a Spark distribution would hold them. tweetpipe's own classes are kept out of it: they
 * reach the executors the way an application's do, as {@code spark.jars} served by the driver.
 *
 * <p>{@link #close} ends the worker (which ends its executors), then the master; whatever is still alive after a
 * grace period is killed, with its child processes. A JVM shutdown hook does the same if the test JVM is stopped.
 */
final class StandaloneCluster implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    private static final Duration START_GUARD = Duration.ofSeconds(45);

    private final Path dir;
    private final Path sparkHome;
    private final List<Path> applicationJars;
    private final int masterPort;
    private final List<Process> processes = new ArrayList<>();
    private final Thread killOnExit = new Thread(this::killAll, "standalone-cluster-kill");

    private StandaloneCluster(Path dir, Path sparkHome, List<Path> applicationJars, int masterPort) {
        this.dir = dir;
        this.sparkHome = sparkHome;
        this.applicationJars = applicationJars;
        this.masterPort = masterPort;
    }

    /** Empties {@code dir} (links are removed, never followed) and returns it. */
    static Path emptyFolder(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path path : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(dir).toAbsolutePath();
    }

    /** Whether this class path holds Spark's jars at all (it does, unless something is badly wrong). */
    static boolean sparkJarsPresent() {
        return classPath().stream().anyMatch(entry -> entry.getFileName().toString().startsWith("spark-core_"));
    }

    /** Starts a master and a worker with {@code cores} cores; returns once the worker has registered. */
    static StandaloneCluster start(Path dir, int cores) throws IOException, InterruptedException {
        Path sparkHome = Files.createDirectories(dir.resolve("spark-home"));
        Path jars = Files.createDirectories(sparkHome.resolve("jars"));
        Path applicationDir = Files.createDirectories(dir.resolve("application-jars"));
        List<Path> applicationJars = new ArrayList<>();
        for (Path entry : classPath()) {
            if (Files.isDirectory(entry)) {
                if (!entry.getFileName().toString().equals("test-classes")) {
                    applicationJars.add(jar(entry, applicationDir.resolve(moduleName(entry) + ".jar")));
                }
            } else if (isApplication(entry)) {
                if (!entry.getFileName().toString().endsWith("-tests.jar")) {
                    applicationJars.add(entry);
                }
            } else if (entry.toString().endsWith(".jar") && Files.exists(entry)) {
                Path link = jars.resolve(entry.getFileName());
                if (!Files.exists(link)) {
                    Files.createSymbolicLink(link, entry.toAbsolutePath());
                }
            }
        }
        StandaloneCluster cluster = new StandaloneCluster(dir, sparkHome, applicationJars, freePort());
        Runtime.getRuntime().addShutdownHook(cluster.killOnExit);
        try {
            cluster.launch("master", "org.apache.spark.deploy.master.Master", "--host", HOST, "--port",
                    Integer.toString(cluster.masterPort), "--webui-port", "0");
            Path workDir = Files.createDirectories(dir.resolve("work"));
            cluster.launch("worker", "org.apache.spark.deploy.worker.Worker", "--host", HOST, "--cores",
                    Integer.toString(cores), "--memory", "2g", "--work-dir", workDir.toString(), "--webui-port", "0",
                    cluster.masterUrl());
            cluster.awaitLog("worker", "Successfully registered with master", START_GUARD);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    String masterUrl() {
        return "spark://" + HOST + ":" + masterPort;
    }

    Path sparkHome() {
        return sparkHome;
    }

    /** tweetpipe's own jars: what an application ships with {@code spark.jars} or {@code --jars}. */
    List<Path> applicationJars() {
        return applicationJars;
    }

    /** The worker's folder of executor logs, one {@code app-*} folder per application. */
    Path workDir() {
        return dir.resolve("work");
    }

    /** Every executor's standard error so far, concatenated. */
    String executorLogs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(workDir())) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("stderr")).toList()) {
                all.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    /** A command that runs {@code mainClass} on the Spark jars, as Spark's own scripts would, with Spark's flags. */
    List<String> javaCommand(String heap, String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(sparkJvmFlags());
        command.add(heap);
        command.add("-cp");
        command.add(sparkHome.resolve("jars") + File.separator + "*");
        command.add(mainClass);
        return command;
    }

    /** What Spark's scripts put in the environment: the Spark home, the Scala version, the loopback address. */
    Map<String, String> environment() {
        return Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13", "SPARK_LOCAL_IP", HOST);
    }

    /** Starts a process of this cluster's (a driver, say); it is ended with the cluster. */
    Process launch(String name, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        builder.environment().putAll(environment());
        Process process = builder.start();
        synchronized (processes) {
            processes.add(process);
        }
        return process;
    }

    String log(String name) throws IOException {
        Path err = dir.resolve(name + ".err");
        return Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : "";
    }

    String output(String name) throws IOException {
        Path out = dir.resolve(name + ".out");
        return Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
    }

    /**
     * JVM flags for the short-lived JVMs of a test cluster (master, worker, executors, a submitted driver): the
     * client compiler alone and the serial collector start a JVM with less CPU, which counts on a busy 2-core CI box.
     */
    static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private void launch(String name, String mainClass, String... args) throws IOException {
        List<String> command = javaCommand("-Xmx256m", mainClass);
        command.addAll(command.size() - 1, QUICK_START);
        // A master also opens a REST submission server on a fixed port (6066): not wanted, and not on a shared box.
        command.add(command.size() - 1, "-Dspark.master.rest.enabled=false");
        command.addAll(List.of(args));
        launch(name, command);
    }

    /** Waits until {@code name}'s log holds {@code line}; fails with the log if it does not in time. */
    void awaitLog(String name, String line, Duration guard) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + guard.toNanos();
        while (!log(name).contains(line)) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the " + name + " did not log '" + line + "' within "
                        + guard.toSeconds() + " s:\n" + tail(log(name)));
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    static String tail(String log) {
        List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    @Override
    public void close() {
        List<Process> all;
        synchronized (processes) {
            all = new ArrayList<>(processes);
        }
        // Last started first: drivers, then the worker (it ends its executors on SIGTERM), then the master.
        for (int i = all.size() - 1; i >= 0; i--) {
            Process process = all.get(i);
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running, or about to
        }
    }

    private void killAll() {
        synchronized (processes) {
            for (Process process : processes) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    /** The test JVM's Spark flags (the root pom's spark.jvm.flags, which surefire's argLine carries). */
    static List<String> sparkJvmFlags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(flag -> flag.startsWith("--add-opens") || flag.startsWith("--add-exports")
                        || flag.equals("-XX:+IgnoreUnrecognizedVMOptions") || flag.startsWith("-Djdk.reflect")
                        || flag.startsWith("-Dio.netty"))
                .toList();
    }

    static List<Path> classPath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).map(entry -> Path.of(entry).toAbsolutePath()).toList();
    }

    /** tweetpipe's own modules: installed in the local repository under io/tweetpipe, or built in this checkout. */
    private static boolean isApplication(Path jar) {
        Path checkout = Path.of("").toAbsolutePath().getParent();
        return jar.toString().contains(File.separator + "io" + File.separator + "tweetpipe" + File.separator)
                || (checkout != null && jar.startsWith(checkout));
    }

    /** A module's name for a classes folder: bootstrap for .../bootstrap/target/classes. */
    private static String moduleName(Path classes) {
        Path target = classes.getParent();
        Path module = target == null ? null : target.getParent();
        return module == null ? classes.getFileName().toString() : module.getFileName().toString();
    }

    /** Jars a classes folder, as the module's own jar would hold it. */
    static Path jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace(File.separatorChar, '/')));
                try (InputStream in = Files.newInputStream(path)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
