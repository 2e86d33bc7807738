package dev.jimeng.cli;

import java.io.IOException;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;
import org.jline.utils.InfoCmp;

/**
 * How jimeng reaches the C library behind its terminal: JLine's JNI binding where it loads, else
 * JLine's own choice (FFM, then running {@code stty}).
 *
 * <p>JNI because JLine's 13 KB JNI library binds at once, where FFM makes a downcall stub per C
 * function at every start, which the AOT cache does not keep: a system terminal measured 130 ms to
 * build with JNI and 250 ms with FFM, and 200 ms more CPU. Only the builder's per-provider switches
 * keep the others untouched: left on, each is loaded and asked about the streams (FFM's stubs made,
 * {@code test -t} and {@code tty} run) even when JNI answers first.
 */
public final class TerminalProviders {
    private static final String JNI = "jni";

    private TerminalProviders() {}

    /** A builder for the system terminal, set to the provider described above. */
    public static TerminalBuilder systemTerminal() {
        preferBundledCapabilities(System.getenv("TERM"));
        TerminalBuilder builder = TerminalBuilder.builder().system(true);
        return jni() != null ? builder.jni(true).ffm(false).exec(false) : builder;
    }

    /**
     * Columns of the terminal behind standard output or error, without building a terminal; 0 when
     * the stream is not a terminal or no provider can say.
     */
    static int width(SystemStream stream) {
        for (String name : new String[] {JNI, "ffm", "exec"}) {
            try {
                TerminalProvider provider = name.equals(JNI) ? jni() : TerminalProvider.load(name);
                if (provider != null) {
                    return provider.isSystemStream(stream) ? provider.systemStreamWidth(stream) : 0;
                }
            } catch (IOException | RuntimeException | LinkageError e) {
                // this provider does not work here (no FFM, no stty): try the next
            }
        }
        return 0;
    }

    /**
     * Has JLine take {@code term}'s capabilities from the copy it ships, where it ships one
     * (xterm-256color, screen-256color and the other common ones): it would otherwise run {@code
     * infocmp} at every start, a process that took 33-44 ms in a fresh JVM, before the first prompt. Other terminals
     * still get theirs from infocmp.
     */
    private static void preferBundledCapabilities(String term) {
        if (term == null || term.isBlank() || InfoCmp.getLoadedInfoCmp(term) != null) {
            return;
        }
        String bundled = InfoCmp.getDefaultInfoCmp(term);
        if (bundled != null) {
            InfoCmp.setLoadedInfoCmp(term, bundled);
        }
    }

    /** JLine's JNI provider with its native library loaded, or null where it does not load. */
    private static TerminalProvider jni() {
        try {
            TerminalProvider provider = TerminalProvider.load(JNI);
            provider.isSystemStream(SystemStream.Input); // loads the native library, or fails
            return provider;
        } catch (IOException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
