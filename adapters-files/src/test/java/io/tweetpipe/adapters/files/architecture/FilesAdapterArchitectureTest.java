package io.tweetpipe.adapters.files.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** What the file adapter may lean on. */
@AnalyzeClasses(packages = "io.tweetpipe.adapters.files", importOptions = ImportOption.DoNotIncludeTests.class)
public class FilesAdapterArchitectureTest {

    @ArchTest
    public static final ArchRule ONLY_JDK_VAVR_AND_THE_CORE = FilesAdapterRules.ONLY_JDK_VAVR_AND_THE_CORE;
}
