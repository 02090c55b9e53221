package io.tweetpipe.adapters.jdbc.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** What the JDBC adapter may lean on. */
@AnalyzeClasses(packages = "io.tweetpipe.adapters.jdbc", importOptions = ImportOption.DoNotIncludeTests.class)
public class JdbcAdapterArchitectureTest {

    @ArchTest
    public static final ArchRule ONLY_JDBC_THE_POOL_AND_THE_CORE = JdbcAdapterRules.ONLY_JDBC_THE_POOL_AND_THE_CORE;
}
