package dev.jimeng.cli.complete;

import java.util.function.Function;

/** The login shells jimeng writes completion scripts for, each with the file name it is usually saved as. */
public enum CompletionScript {
    BASH("jimeng.bash", BashScript::of),
    ZSH("_jimeng", ZshScript::of),
    FISH("jimeng.fish", FishScript::of),
    POWERSHELL("jimeng.ps1", PowerShellScript::of);

    private final String fileName;
    private final Function<CompletionTree, String> generator;

    CompletionScript(String fileName, Function<CompletionTree, String> generator) {
        this.fileName = fileName;
        this.generator = generator;
    }

    public String fileName() {
        return fileName;
    }

    public String script(CompletionTree tree) {
        return generator.apply(tree);
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
