package dev.jimeng.request;

import java.util.ArrayList;
import java.util.List;

/** A test builder for {@link GenerationRequest}: every field starts as "not given". */
final class Req {
    private String mode;
    private String prompt;
    private Integer duration;
    private Integer fps;
    private String aspectRatio;
    private final List<String> images = new ArrayList<>();
    private Long seed;
    private String template;
    private String strength;

    static Req prompt(String prompt) {
        Req r = new Req();
        r.prompt = prompt;
        return r;
    }

    Req mode(String value) {
        mode = value;
        return this;
    }

    Req duration(Integer value) {
        duration = value;
        return this;
    }

    Req fps(Integer value) {
        fps = value;
        return this;
    }

    Req aspectRatio(String value) {
        aspectRatio = value;
        return this;
    }

    Req image(Object value) {
        images.add(value.toString());
        return this;
    }

    Req seed(long value) {
        seed = value;
        return this;
    }

    Req camera(String templateValue, String strengthValue) {
        template = templateValue;
        strength = strengthValue;
        return this;
    }

    GenerationRequest build() {
        return new GenerationRequest(mode, prompt, duration, fps, aspectRatio, images, seed, template, strength);
    }
}
