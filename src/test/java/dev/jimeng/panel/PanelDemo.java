package dev.jimeng.panel;

import dev.jimeng.time.Sleeper;
import java.time.Clock;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** For trying the handoff by hand (or in tmux): a prompt, the panel on "w", the prompt again. */
final class PanelDemo {
    private PanelDemo() {}

    public static void main(String[] args) throws Exception {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
            FakeJobSource source = new FakeJobSource(PanelHarness.sampleJobs());
            RecordingActions actions = new RecordingActions();
            while (true) {
                String line = reader.readLine("demo> ");
                if (line.equals("w")) {
                    Panel panel = new Panel(
                            source,
                            actions,
                            Clipboard.osc52(terminal.output()),
                            Clock.systemUTC(),
                            PanelHarness.ETA,
                            Sleeper.SYSTEM);
                    Panel.runOn(terminal, panel);
                    terminal.writer().println("panel closed; actions: " + actions.calls);
                } else if (line.equals("exit")) {
                    return;
                } else {
                    terminal.writer().println("echo: " + line);
                }
            }
        }
    }
}
