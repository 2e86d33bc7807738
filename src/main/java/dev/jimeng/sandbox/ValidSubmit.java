package dev.jimeng.sandbox;

import dev.jimeng.mode.ModeSpec;

/** A submit body that passed validation, with what the sandbox needs from it. */
record ValidSubmit(ModeSpec mode, String prompt, int frames, int imageCount, VideoSpec video) {}
