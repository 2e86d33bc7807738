package dev.jimeng.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LineWordsTest {
    private final LineWords words = new LineWords();

    @Test
    void aCommandLineSplitsLikeTheLineEditorDoes() {
        assertThat(words.split("  g \"a red fox\" --duration 10 "))
                .containsExactly("g", "a red fox", "--duration", "10");
    }

    @Test
    void aLineOfQuotedTextIsAPromptForGenerate() {
        assertThat(words.split("\"a cat on a roof\"")).containsExactly("generate", "a cat on a roof");
        assertThat(words.split("'a dog'")).containsExactly("generate", "a dog");
    }

    @Test
    void quotedTextFollowedByOptionsIsAGenerateWithThoseOptions() {
        assertThat(words.split("\"a cat\" --duration 10")).containsExactly("generate", "a cat", "--duration", "10");
    }

    @Test
    void blankLinesAndCommentsAreNoCommand() {
        assertThat(words.split("   ")).isEmpty();
        assertThat(words.split("# jobs for tomorrow")).isEmpty();
    }

    @Test
    void anUnclosedQuoteIsRefusedWithTheFix() {
        assertThatThrownBy(() -> words.split("\"a cat")).hasMessageContaining("close the quote");
    }

    @Test
    void anApostropheOutsideQuotesIsShownAsThePromptInDoubleQuotes() {
        assertThatThrownBy(() -> words.split("the fox's den at dawn --duration 10"))
                .hasMessage("unfinished line: the ' in \"fox's\" opens a quote that is never closed; a prompt with"
                        + " an apostrophe goes in double quotes: \"the fox's den at dawn\" --duration 10");
        assertThatThrownBy(() -> words.split("g the fox's den -d 10", "g"::equals))
                .hasMessageEndingWith("double quotes: g \"the fox's den\" -d 10");
        assertThatThrownBy(() -> words.split("g -d 10 the fox's den", "g"::equals))
                .hasMessageContaining("close the quote");
    }
}
