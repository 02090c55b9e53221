package io.tweetpipe.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a user sees when they get something wrong: one clear line, an exit code, never a stack trace. */
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void givenWrongFlag_run_exitsTwoWithOneLineAndAHint() {
        assertEquals(2, run("--prot", "5555"));
        assertEquals("tweetpipe: unknown option '--prot'\nTry 'tweetpipe --help'.\n", err());
    }

    @Test
    void givenSeveralBadValues_run_reportsEachOnItsOwnLine() {
        assertEquals(2, run("relay", "--keywords", "", "--languages", "english", "--rate", "2000000"));

        String[] lines = err().split("\n");
        assertTrue(err().contains("tweetpipe: keywords: give at least one keyword to track"), err());
        assertTrue(err().contains("tweetpipe: language: 'english' is not a language code"), err());
        assertTrue(lines.length >= 4, err());
        assertFalse(err().contains("\tat "), "no stack trace");
    }

    @Test
    void givenHelp_run_printsUsage() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: tweetpipe [demo|relay|stream|train]"));
        assertEquals("", err());
    }

    @Test
    void givenRelayOnPortZero_run_listensOnAFreePortAndEndsCleanly() {
        assertEquals(0, run("relay", "--port", "0", "--run-for", "1s"), err());
        assertFalse(err().contains("tweetpipe: port:"), err());
    }

    @Test
    void givenStreamOnPortZero_run_exitsTwoWithThePortRule() {
        assertEquals(2, run("stream", "--port", "0"));
        assertEquals("tweetpipe: port: the relay's port is between 1 and 65535, got 0\n"
                + "Try 'tweetpipe stream --help'.\n", err());
    }

    @Test
    void givenPortInUse_run_exitsOneWithWhatToDo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(1, run("relay", "--port", String.valueOf(taken.getLocalPort()), "--run-for", "1s"));
        }
        assertTrue(err().startsWith("tweetpipe: "), err());
        assertEquals(1, err().split("\n").length, err());
        assertFalse(err().contains("\tat "), "no stack trace");
    }
}
