package io.tweetpipe.adapters.web.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** What the web adapter may lean on. */
@AnalyzeClasses(packages = "io.tweetpipe.adapters.web", importOptions = ImportOption.DoNotIncludeTests.class)
public class WebAdapterArchitectureTest {

    @ArchTest
    public static final ArchRule ONLY_JDK_VAVR_AND_THE_CORE = WebAdapterRules.ONLY_JDK_VAVR_AND_THE_CORE;
}
