package dev.jimeng.cli;

import java.util.ArrayList;
import java.util.List;

/** Splits a command line as a POSIX shell (bash's $'…' included) would, for tests of printed commands. */
final class ShellWords {
    private ShellWords() {}

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            if (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                i += 2;
                for (; line.charAt(i) != '\''; i++) {
                    char d = line.charAt(i);
                    if (d == '\\') {
                        char e = line.charAt(++i);
                        if (e == 'x') {
                            word.append((char) Integer.parseInt(line.substring(i + 1, i + 3), 16));
                            i += 2;
                        } else if (e == 'u') {
                            word.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
                            i += 4;
                        } else {
                            word.append(e);
                        }
                    } else {
                        word.append(d);
                    }
                }
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                word.append(line, i + 1, end);
                i = end;
            } else if (c == '\\') {
                word.append(line.charAt(++i));
            } else {
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
