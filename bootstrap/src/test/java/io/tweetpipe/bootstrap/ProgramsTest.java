package io.tweetpipe.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

class ProgramsTest {

    @Test
    void givenAJobFailedByAStore_firstLine_isTheStoresOwnLine() {
        IllegalStateException store = new IllegalStateException("cannot store partition 0 of the batch of 1000 ms in "
                + "jdbc:postgresql://127.0.0.1:5432/tweets: PSQLException: Connection refused");
        SparkException job = new SparkException("Job aborted due to stage failure: Task 0 in stage 3.0 failed 1 "
                + "times, most recent failure: Lost task 0.0 in stage 3.0 (TID 3): " + store + "\n\tat somewhere",
                store);

        assertEquals(store.getMessage(), Programs.firstLine(job));
    }

    @Test
    void givenAFailureWithoutMessage_firstLine_namesItsClass() {
        assertEquals("NullPointerException", Programs.firstLine(new NullPointerException()));
    }
}
