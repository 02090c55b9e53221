package io.tweetpipe.bootstrap.di;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import javax.inject.Qualifier;

/** How many records of each batch the sink wants to see: ten for the console, all of them for a capture. */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
public @interface RecordsPerBatch {
}
