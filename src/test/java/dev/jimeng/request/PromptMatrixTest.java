package dev.jimeng.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PromptMatrixTest {
    @Test
    void everyCombinationInOrderTheFirstChoiceVaryingSlowest() {
        assertThat(PromptMatrix.expand("a {red|blue} fox in {snow|rain}"))
                .containsExactly("a red fox in snow", "a red fox in rain", "a blue fox in snow", "a blue fox in rain");
    }

    @Test
    void bracesWithoutAChoiceAndPlainPromptsStayAsTheyAre() {
        assertThat(PromptMatrix.expand("a {single} fox")).containsExactly("a {single} fox");
        assertThat(PromptMatrix.isMatrix("a {single} fox")).isFalse();
        assertThat(PromptMatrix.expand("一只{橘猫|白猫}")).containsExactly("一只橘猫", "一只白猫");
        assertThat(PromptMatrix.expand("a {big | small} cat")).containsExactly("a big cat", "a small cat");
    }

    @Test
    void moreThanAHundredPromptsIsRefused() {
        assertThatThrownBy(() -> PromptMatrix.expand("{a|b|c|d|e}{a|b|c|d|e}{a|b|c|d|e}"))
                .hasMessageContaining("more than 100 prompts");
    }

    @Test
    void aSetOfPromptsCollapsesBackToItsMatrixWordByWord() {
        assertThat(PromptMatrix.collapse(PromptMatrix.expand("a {red|blue} fox in {snow|rain}")))
                .isEqualTo("a {red|blue} fox in {snow|rain}");
        assertThat(PromptMatrix.collapse(java.util.List.of("a fox", "a fox", "a fox")))
                .isEqualTo("a fox");
        assertThat(PromptMatrix.collapse(java.util.List.of("a fox", "a fox in the snow", "a cat")))
                .isEqualTo("a fox (+2 more)");
        assertThat(PromptMatrix.collapse(java.util.List.of())).isEmpty();
    }
}
