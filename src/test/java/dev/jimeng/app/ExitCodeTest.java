package dev.jimeng.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ExitCodeTest {
    private static final Pattern ROW = Pattern.compile("^\\| (\\d+) \\| [^|]+ \\| (.+) \\|$");

    @Test
    void everyMeaningIsTheOneInReadmesExitCodeTable() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("### Exit codes"), readme.indexOf("### Environment"));
        Map<Integer, String> documented = new LinkedHashMap<>();
        for (String line : table.lines().toList()) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                documented.put(Integer.parseInt(m.group(1)), m.group(2).replace("`", ""));
            }
        }

        Map<Integer, String> inCode = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            inCode.put(code.code(), code.meaning());
        }
        assertThat(inCode).isEqualTo(documented);
    }
}
