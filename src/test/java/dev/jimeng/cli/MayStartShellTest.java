package dev.jimeng.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which arguments let Main open the shell's terminal before picocli has parsed them. */
class MayStartShellTest {
    @Test
    void optionsAloneMayStartTheShell() {
        assertThat(Cli.mayStartShell(new String[] {})).isTrue();
        assertThat(Cli.mayStartShell(new String[] {"--sandbox"})).isTrue();
        assertThat(Cli.mayStartShell(new String[] {"--sandbox", "--color=never", "--profile=work"}))
                .isTrue();
    }

    @Test
    void aCommandHelpOrTheVersionDoNot() {
        assertThat(Cli.mayStartShell(new String[] {"jobs"})).isFalse();
        assertThat(Cli.mayStartShell(new String[] {"--sandbox", "generate", "a fox"}))
                .isFalse();
        assertThat(Cli.mayStartShell(new String[] {"--help"})).isFalse();
        assertThat(Cli.mayStartShell(new String[] {"-V"})).isFalse();
        assertThat(Cli.mayStartShell(new String[] {"--sandbox", "--version"})).isFalse();
    }
}
