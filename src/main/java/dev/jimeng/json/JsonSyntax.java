package dev.jimeng.json;

/** A JSON parser's complaint in the words a person editing the file needs. */
public final class JsonSyntax {
    private JsonSyntax() {}

    /**
     * What the JSON parser expected, in words, from its message (never its internals: source
     * descriptions, character codes, feature names).
     */
    public static String expected(String parserMessage) {
        String m = parserMessage == null ? "" : parserMessage;
        java.util.regex.Matcher found = java.util.regex.Pattern.compile("Unexpected character \\('(.+?)' \\(code")
                .matcher(m);
        java.util.regex.Matcher token =
                java.util.regex.Pattern.compile("Unrecognized token '([^']*)'").matcher(m);
        String what = found.find()
                ? " but found " + dev.jimeng.text.TerminalText.safe(found.group(1))
                : token.find() ? " but found " + dev.jimeng.text.TerminalText.safe(token.group(1)) : "";
        if (m.contains("end-of-input")) {
            if (m.contains("close marker for Array")) {
                return "expected ] before the line ends";
            }
            if (m.contains("in a String value") || m.contains("String value")) {
                return "expected a closing \" before the line ends";
            }
            return "expected } before the line ends";
        }
        if (m.contains("double-quote to start field name")) {
            return "expected a key in double quotes" + what;
        }
        if (m.contains("colon to separate field name")) {
            return "expected : after a key" + what;
        }
        if (m.contains("comma to separate Object entries")) {
            return "expected , or } after a value" + what;
        }
        if (m.contains("comma to separate Array entries")) {
            return "expected , or ] after a value" + what;
        }
        if (m.contains("Unexpected close marker")) {
            return "expected a value" + what;
        }
        if (m.contains("Trailing token") || m.contains("trailing token")) {
            return "expected nothing after the closing }" + what;
        }
        if (m.contains("control character") || m.contains("CTRL-CHAR")) {
            return "expected \\n or \\t instead of a raw control character inside a string";
        }
        return "expected a value: a \"string\", a number, true, false, null, [ or {" + what;
    }
}
