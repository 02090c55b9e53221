package io.tweetpipe.domain.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain is pure: Java's language and collections, time, Vavr, and itself. No I/O, no network, no threads. */
@AnalyzeClasses(packages = "io.tweetpipe.domain", importOptions = ImportOption.DoNotIncludeTests.class)
public class DomainArchitectureTest {

    @ArchTest
    public static final ArchRule DOMAIN_IS_PURE = DomainRules.DOMAIN_IS_PURE;
}
