package io.tweetpipe.adapters.jdbc.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.tweetpipe.adapters.jdbc.JdbcOutput;
import io.tweetpipe.adapters.jdbc.JdbcRecordStore;
import io.tweetpipe.adapters.jdbc.JdbcResultSink;
import io.tweetpipe.adapters.jdbc.architecture.fixture.StoreThroughTheDriversApi;
import org.junit.jupiter.api.Test;

/** A rule that cannot fail protects nothing: run it over a deliberate violation and see it reported. */
class JdbcAdapterRulesBiteTest {

    @Test
    void givenAdapterClassUsingTheDriversOwnApi_rule_reportsIt() {
        AssertionError error = assertThrows(AssertionError.class, () -> JdbcAdapterRules
                .ONLY_JDBC_THE_POOL_AND_THE_CORE.check(new ClassFileImporter()
                        .importClasses(StoreThroughTheDriversApi.class)));

        assertTrue(error.getMessage().contains("org.postgresql.PGConnection"), error.getMessage());
    }

    @Test
    void givenTheAdapter_rule_passes() {
        JdbcAdapterRules.ONLY_JDBC_THE_POOL_AND_THE_CORE.check(new ClassFileImporter().importClasses(
                JdbcOutput.class, JdbcRecordStore.class, JdbcResultSink.class));
    }
}
