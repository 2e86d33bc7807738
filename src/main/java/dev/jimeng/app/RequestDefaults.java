package dev.jimeng.app;

import dev.jimeng.config.Settings;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.mode.ModeSpec;
import dev.jimeng.request.GenerationRequest;

/** Fills what a command line did not say from the settings in effect (mode, duration, fps, ratio, seed). */
final class RequestDefaults {
    private RequestDefaults() {}

    static GenerationRequest fill(GenerationRequest r, Settings settings) {
        String mode = r.mode() != null ? r.mode() : settings.mode();
        ModeSpec spec = Capabilities.mode(mode).orElse(null);
        String aspect = r.aspectRatio();
        if (aspect == null && spec != null && spec.takesAspectRatio(r.images().size())) {
            aspect = settings.aspectRatio();
        }
        return new GenerationRequest(
                mode,
                r.prompt(),
                r.durationSeconds() != null ? r.durationSeconds() : settings.durationSeconds(),
                r.fps() != null ? r.fps() : settings.fps(),
                aspect,
                r.images(),
                r.seed() != null ? r.seed() : settings.seed(),
                r.template(),
                r.cameraStrength(),
                r.promptTemplate());
    }
}
