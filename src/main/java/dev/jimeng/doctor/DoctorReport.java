package dev.jimeng.doctor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jimeng.app.ExitCode;
import dev.jimeng.json.Json;
import dev.jimeng.text.TerminalText;
import java.util.List;

/** The findings of one {@code doctor} run, as a screen of text or one JSON document. */
public record DoctorReport(List<Finding> findings) {
    private static final int CHECK_COLUMNS = 12;

    public DoctorReport {
        findings = List.copyOf(findings);
    }

    public boolean healthy() {
        return findings.stream().noneMatch(f -> f.level() == Level.PROBLEM);
    }

    /** What {@code doctor} exits with: the first problem's code (its kind: auth, network, …), or 0. */
    public ExitCode exitCode() {
        return findings.stream()
                .filter(f -> f.level() == Level.PROBLEM)
                .map(Finding::exitCode)
                .findFirst()
                .orElse(ExitCode.OK);
    }

    public long count(Level level) {
        return findings.stream().filter(f -> f.level() == level).count();
    }

    /** One line per finding, its fix on the next; a summary line last. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (Finding f : findings) {
            out.append(TerminalText.pad(f.level().word(), 8))
                    .append(TerminalText.pad(TerminalText.safe(f.check()), CHECK_COLUMNS))
                    .append(' ')
                    .append(TerminalText.oneLine(f.summary()))
                    .append('\n');
            if (!f.fix().isEmpty()) {
                out.append(" ".repeat(8 + CHECK_COLUMNS + 1))
                        .append("fix: ")
                        .append(TerminalText.oneLine(f.fix()))
                        .append('\n');
            }
        }
        out.append(healthy() ? "all good" : count(Level.PROBLEM) + " problem(s)")
                .append(count(Level.WARNING) == 0 ? "" : ", " + count(Level.WARNING) + " warning(s)")
                .append('\n');
        return out.toString();
    }

    /** {@code {"healthy": …, "exit_code": …, "checks": [{"check", "level", "summary", "fix"}]}}. */
    public String json() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("healthy", healthy());
        root.put("exit_code", exitCode().code());
        ArrayNode checks = root.putArray("checks");
        for (Finding f : findings) {
            ObjectNode n = checks.addObject();
            n.put("check", f.check());
            n.put("level", f.level().word());
            n.put("summary", f.summary());
            n.put("fix", f.fix().isEmpty() ? null : f.fix());
        }
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }
}
