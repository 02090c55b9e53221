package io.tweetpipe.adapters.twitter.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.tweetpipe.adapters.twitter", importOptions = ImportOption.DoNotIncludeTests.class)
public class TwitterAdapterArchitectureTest {

    @ArchTest
    public static final ArchRule ONE_MAPPING = TwitterAdapterRules.ONE_MAPPING;

    @ArchTest
    public static final ArchRule REPLAY_IS_OFFLINE = TwitterAdapterRules.REPLAY_IS_OFFLINE;

    @ArchTest
    public static final ArchRule NO_STANDARD_STREAMS = TwitterAdapterRules.NO_STANDARD_STREAMS;

    @ArchTest
    public static final ArchRule NO_JAVA_UTIL_LOGGING = TwitterAdapterRules.NO_JAVA_UTIL_LOGGING;
}
