package dev.jimeng.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {
    private static final GenerationRequest NOTHING_TYPED =
            new GenerationRequest(null, null, null, null, null, List.of(), null, null, null);

    private static PromptTemplate template(String text) {
        return new PromptTemplate("ad", text, null);
    }

    @Test
    void requiredAndDefaultedVariablesAreFoundInOrder() {
        PromptTemplate t = template("a {{product}} on {{ surface = marble }}, {{mood=}} light, {{product}} again");
        assertThat(t.variables())
                .containsExactly(
                        new PromptTemplate.Variable("product", null),
                        new PromptTemplate.Variable("surface", "marble"),
                        new PromptTemplate.Variable("mood", ""));
        assertThat(t.variables().getFirst().required()).isTrue();
    }

    @Test
    void rendersGivenValuesAndDefaultsAndRecordsThem() {
        GenerationRequest r = template("a {{product}} on {{surface=marble}}, {{product}}!")
                .apply(NOTHING_TYPED, Map.of("product", "watch $1 \\"));
        assertThat(r.prompt()).isEqualTo("a watch $1 \\ on marble, watch $1 \\!");
        assertThat(r.promptTemplate())
                .isEqualTo(new TemplateUse("ad", Map.of("product", "watch $1 \\", "surface", "marble")));
    }

    @Test
    void aMissingRequiredVariableIsNamedWithTheFix() {
        assertThatThrownBy(() ->
                        template("a {{product}} in {{place}} {{mood=calm}}").apply(NOTHING_TYPED, Map.of()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("template ad needs product and place: give --var product=… --var place=…");
    }

    @Test
    void anUnknownVariableGetsTheClosestName() {
        assertThatThrownBy(() -> template("a {{product}} {{mood=calm}}")
                        .apply(NOTHING_TYPED, Map.of("product", "x", "mod", "y")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("template ad has no variable 'mod'; did you mean 'mood'? it has: product, mood");
    }

    @Test
    void brokenBracesAndTwoDefaultsAreRefusedWhenMade() {
        assertThatThrownBy(() -> template("a {{bad name}} fox"))
                .hasMessageContaining("has a '{{' at character 3 that is not a variable");
        assertThatThrownBy(() -> template("a {{fox")).hasMessageContaining("character 3");
        assertThatThrownBy(() -> template("{{a=x}} {{a=y}}")).hasMessageContaining("gives a two different defaults");
        assertThat(template("{{a}} {{a=x}} {{a=x}}").variables())
                .containsExactly(new PromptTemplate.Variable("a", "x"));
        assertThatThrownBy(() -> template(" ")).hasMessageContaining("has no prompt");
    }

    @Test
    void theTemplatesOptionsFillOnlyWhatWasNotTyped() {
        GenerationRequest saved =
                new GenerationRequest("t2v_1080p", null, 10, null, "9:16", List.of("@hero"), 7L, null, null);
        PromptTemplate t = new PromptTemplate("ad", "a {{x=fox}}", saved);
        GenerationRequest typed = new GenerationRequest(null, null, 5, null, null, List.of(), null, null, null);
        GenerationRequest r = t.apply(typed, Map.of());
        assertThat(r.mode()).isEqualTo("t2v_1080p");
        assertThat(r.durationSeconds()).isEqualTo(5);
        assertThat(r.aspectRatio()).isEqualTo("9:16");
        assertThat(r.images()).containsExactly("@hero");
        assertThat(r.seed()).isEqualTo(7L);
        assertThat(r.prompt()).isEqualTo("a fox");
    }

    @Test
    void aMatrixInAValueStillExpandsAfterRendering() {
        GenerationRequest r = template("a fox, {{mood=calm}}").apply(NOTHING_TYPED, Map.of("mood", "{calm|stormy}"));
        assertThat(Variants.of(r, List.of()).stream().map(GenerationRequest::prompt))
                .containsExactly("a fox, calm", "a fox, stormy");
        assertThat(Variants.of(r, List.of()).getLast().promptTemplate().name()).isEqualTo("ad");
    }
}
