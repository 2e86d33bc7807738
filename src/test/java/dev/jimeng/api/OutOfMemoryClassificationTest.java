package dev.jimeng.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The HTTP client wraps an OutOfMemoryError of its body handler (a huge answer) in an IOException,
 * which used to read "the connection broke … check the network". It is no network problem.
 */
class OutOfMemoryClassificationTest {
    @Test
    void anIoExceptionCausedByOutOfMemoryIsSeenAsSuch() {
        assertThat(HttpJimengApi.causedByOutOfMemory(new IOException("Java heap space", new OutOfMemoryError())))
                .isTrue();
        assertThat(HttpJimengApi.causedByOutOfMemory(new IOException("connection reset")))
                .isFalse();
    }

    @Test
    void outOfMemoryNamesItselfNeverTheNetworkAndIsNotRetried() {
        for (boolean submit : new boolean[] {false, true}) {
            ApiError error = ErrorCatalog.outOfMemory(submit);
            assertThat(error.code()).isEqualTo(ErrorCatalog.OUT_OF_MEMORY);
            assertThat(error.describe()).contains("out of memory").doesNotContain("check the network");
            assertThat(error.retry()).isEqualTo(Retry.NEVER);
            assertThat(error.mayHaveReachedServer()).isEqualTo(submit);
        }
    }
}
