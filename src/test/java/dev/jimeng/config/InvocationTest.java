package dev.jimeng.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvocationTest {
    @Test
    void aCommandLineNamesTheSandboxAndAProfileOnlyWhenNeeded() {
        assertThat(Invocation.REAL.jimeng()).isEqualTo("jimeng");
        assertThat(new Invocation(true, null).jimeng()).isEqualTo("jimeng --sandbox");
        assertThat(new Invocation(true, "work").jimeng()).isEqualTo("jimeng --sandbox --profile work");
    }

    @Test
    void aProfileNameAHandWrittenFileGaveIsQuotedAndCannotActOnTheTerminal() {
        assertThat(new Invocation(false, "my work's").jimeng()).isEqualTo("jimeng --profile 'my work'\\''s'");
        assertThat(new Invocation(false, "x\u001b[2J").jimeng()).doesNotContain("\u001b");
    }
}
