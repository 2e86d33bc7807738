package dev.jimeng.cli;

import java.io.IOException;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/** How jimeng reaches the C library behind its terminal: JLine's providers, in the order tried. */
public final class TerminalProviders {
    /**
     * JNI first: JLine's JNI library (13 KB, unpacked to the temp folder) binds at once, where FFM
     * makes a downcall stub per C function at every start, which the AOT cache does not keep (a system
     * terminal measured 130 ms to build with JNI, 250 ms with FFM, and 200 ms less CPU). FFM, then
     * running {@code stty}, remain for platforms JLine ships no library for.
     */
    public static final String ORDER = "jni,ffm,exec";

    private TerminalProviders() {}

    /**
     * Columns of the terminal behind standard output or error, without building a terminal; 0 when
     * the stream is not a terminal or no provider can say.
     */
    static int width(SystemStream stream) {
        for (String name : ORDER.split(",")) {
            try {
                TerminalProvider provider = TerminalProvider.load(name);
                return provider.isSystemStream(stream) ? provider.systemStreamWidth(stream) : 0;
            } catch (IOException | RuntimeException | LinkageError e) {
                // this provider does not work here (no native library, no FFM): try the next
            }
        }
        return 0;
    }
}
