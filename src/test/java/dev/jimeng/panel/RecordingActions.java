package dev.jimeng.panel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Panel actions that only remember what was asked, plus a clipboard that does the same. */
class RecordingActions implements PanelActions, Clipboard {
    final List<String> calls = new ArrayList<>();
    boolean sandbox;
    dev.jimeng.view.JobGroups groups = dev.jimeng.view.JobGroups.NONE;

    @Override
    public dev.jimeng.view.JobGroups groups() {
        return groups;
    }

    /** Records the pick and makes it the only one of its group, as the journal does. */
    @Override
    public void pick(String jobId) {
        calls.add("pick " + jobId);
        String group = groups.group(jobId);
        java.util.Set<String> picked = new java.util.HashSet<>(groups.picked());
        picked.removeIf(id -> group.equals(groups.group(id)));
        picked.add(jobId);
        groups = new dev.jimeng.view.JobGroups(groups.groupOf(), picked);
    }

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
