package dev.jimeng.sandbox;

/** What a sandbox video must be: its size in pixels and its length in frames at 24 fps. */
record VideoSpec(int width, int height, int frames) {
    String fileName(int distinctFrames) {
        return "jimeng-sandbox-v2-" + width + "x" + height + "-" + frames + "f-" + distinctFrames + "d.mp4";
    }
}
