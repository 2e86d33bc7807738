package dev.jimeng.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.jimeng.text.TerminalText;
import java.util.Locale;

/** The one ObjectMapper: unknown fields are ignored (the API adds fields), output is compact. */
public final class Json {
    /**
     * Jackson's buffers come from one shared pool, not a ThreadLocal: every job runs on a virtual
     * thread of its own, and a per-thread pool kept about 8 KB of buffers alive for each of them
     * (80 MB with 10,000 jobs queued).
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .findAndAddModules()
            .build();

    private static final ObjectWriter PRINTER =
            MAPPER.writerWithDefaultPrettyPrinter().with(new TerminalEscapes());

    private Json() {}

    /**
     * Indented JSON for stdout: every string keeps its exact text, and besides the C0 controls JSON
     * always escapes, DEL, the C1 controls, the bidirectional controls and the line and paragraph
     * separators are written as {@code \\uXXXX} too, so a document printed to a terminal carries
     * nothing the terminal could act on and still parses back to the same text.
     */
    public static ObjectWriter printer() {
        return PRINTER;
    }

    /** JSON's standard escapes plus \\uXXXX for the characters a terminal acts on beyond C0. */
    private static final class TerminalEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] asciiEscapes = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            int[] codes = asciiEscapes.clone();
            codes[0x7F] = ESCAPE_STANDARD;
            return codes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // surrogates come one half at a time here; a valid pair is text, a lone half JSON escapes
            boolean acts = !Character.isSurrogate((char) ch) && TerminalText.unsafe(ch);
            return acts ? new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch)) : null;
        }
    }
}
