package io.tweetpipe.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The build writes a completion script (see bootstrap/pom.xml) that knows every mode and option. */
class CompletionScriptTest {

    private static final Path SCRIPT = Path.of("target", "tweetpipe_completion");

    @Test
    void theBuildsCompletionScript_completesEveryModeAndOption() throws IOException {
        String script = Files.readString(SCRIPT, StandardCharsets.UTF_8);
        CommandLine tweetpipe = new CommandLine(new Modes.Tweetpipe());
        List<String> options = List.ofAll(tweetpipe.getSubcommands().values())
                .flatMap(mode -> List.ofAll(mode.getCommandSpec().options()))
                .flatMap(option -> List.of(option.names()));

        assertTrue(script.contains("complete -F _complete_tweetpipe"), "a bash completion for tweetpipe");
        assertTrue(script.contains("local commands=\"demo relay stream train\""), script);
        assertTrue(options.size() > 20 && options.forAll(name -> script.contains("'" + name + "'")
                || script.contains(" " + name + " ") || script.contains("\"" + name + "\"")),
                () -> "missing: " + options.reject(script::contains));
    }
}
