package dev.jimeng.panel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Panel actions that only remember what was asked, plus a clipboard that does the same. */
class RecordingActions implements PanelActions, Clipboard {
    final List<String> calls = new ArrayList<>();
    boolean sandbox;

    @Override
    public boolean sandbox() {
        return sandbox;
    }

    @Override
    public void download(String jobId) {
        calls.add("download " + jobId);
    }

    @Override
    public void open(Path path) {
        calls.add("open " + path);
    }

    @Override
    public void retry(String jobId, boolean resubmit) {
        calls.add("retry " + jobId + (resubmit ? " resubmit" : " download-only"));
    }

    @Override
    public void cancel(String jobId) {
        calls.add("cancel " + jobId);
    }

    @Override
    public void copy(String text) {
        calls.add("copy " + text);
    }
}
