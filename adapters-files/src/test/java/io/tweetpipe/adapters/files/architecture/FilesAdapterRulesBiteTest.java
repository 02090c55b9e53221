package io.tweetpipe.adapters.files.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.tweetpipe.adapters.files.FileOutput;
import io.tweetpipe.adapters.files.FileRecordStore;
import io.tweetpipe.adapters.files.FileResultSink;
import io.tweetpipe.adapters.files.architecture.fixture.RecordsThroughAJsonLibrary;
import org.junit.jupiter.api.Test;

/** A rule that cannot fail protects nothing: run it over a deliberate violation and see it reported. */
class FilesAdapterRulesBiteTest {

    @Test
    void givenAdapterClassWritingThroughAJsonLibrary_rule_reportsIt() {
        AssertionError error = assertThrows(AssertionError.class, () -> FilesAdapterRules.ONLY_JDK_VAVR_AND_THE_CORE
                .check(new ClassFileImporter().importClasses(RecordsThroughAJsonLibrary.class)));

        assertTrue(error.getMessage().contains("com.fasterxml.jackson.databind.ObjectMapper"), error.getMessage());
    }

    @Test
    void givenTheSink_rule_passes() {
        FilesAdapterRules.ONLY_JDK_VAVR_AND_THE_CORE.check(new ClassFileImporter().importClasses(FileOutput.class,
                FileRecordStore.class, FileResultSink.class));
    }
}
