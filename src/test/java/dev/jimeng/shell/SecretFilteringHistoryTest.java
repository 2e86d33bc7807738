package dev.jimeng.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretFilteringHistoryTest {
    private static final List<String> KNOWN = List.of("c2VjcmV0LXZhbHVl", "");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "export VOLC_SECRETKEY=abc",
                "set secret abc",
                "show AKLTabcdefgh12345678",
                "download https://x.example/v.mp4?X-Tos-Signature=abc",
                "g --image data:image/png;base64,iVBORw0KGgo",
                "show c2VjcmV0LXZhbHVl",
            })
    void aLineThatCarriesACredentialIsKeptOut(String line) {
        assertThat(SecretFilteringHistory.looksSecret(line, KNOWN)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"g \"a red fox in the snow\"", "set mode t2v_1080p", "wait ab12cd34", "jobs"})
    void ordinaryCommandsAreRemembered(String line) {
        assertThat(SecretFilteringHistory.looksSecret(line, KNOWN)).isFalse();
    }

    @Test
    void theHistoryItselfSkipsSecretLinesAndKeepsTheRest() {
        SecretFilteringHistory history = new SecretFilteringHistory(KNOWN);
        history.add("jobs");
        history.add("show c2VjcmV0LXZhbHVl");

        assertThat(history.size()).isEqualTo(1);
        assertThat(history.get(0)).isEqualTo("jobs");
    }
}
