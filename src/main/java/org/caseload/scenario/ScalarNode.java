package org.caseload.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseload.fault.Text;

/**
 * A single value, with the kind YAML gave it (a quoted "300" is a string, not a number).
 *
 * <p>The text of a {@link Kind#NUMBER} is always a plain decimal that both
 * {@link Double#parseDouble} and {@link BigDecimal} accept and whose value is finite:
 * {@link YamlTree} rewrites YAML's other decimal spellings (a leading +) and rejects infinities
 * and the spellings readers could take two ways ({@link #unclearNumber}: other bases, leading
 * zeros, underscores), so no reader has to know YAML's number syntax. A number written without a fraction or
 * exponent is a whole number and stays one in JSON. The text of a {@link Kind#BOOLEAN} is
 * {@code true} or {@code false}; of a {@link Kind#NULL}, {@code null}.
 */
public record ScalarNode(Source source, String path, String text, Kind kind) implements ConfigNode {
    public enum Kind { NUMBER, STRING, BOOLEAN, NULL }

    public ScalarNode {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.NUMBER && parseNumber(text) == null) {
            throw new IllegalArgumentException("not a plain finite number: '" + text + "'");
        }
        if (kind == Kind.BOOLEAN && !text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("not true or false: '" + text + "'");
        }
    }

    /**
     * Infers the kind of a command-line value: {@code true}/{@code false}, {@code null}, a
     * finite decimal number, or else text. A whole number is written as a file's is
     * ({@code +5} as 5, {@code -0} as 0), so that it reads alike.
     */
    public static ScalarNode infer(Source source, String path, String text) {
        String t = text.strip();
        if (t.equals("true") || t.equals("false")) return new ScalarNode(source, path, t, Kind.BOOLEAN);
        if (t.equals("null")) return new ScalarNode(source, path, t, Kind.NULL);
        if (parseNumber(t) != null) {
            ScalarNode n = new ScalarNode(source, path, t, Kind.NUMBER);
            return n.isWholeNumber() ? new ScalarNode(source, path, new BigInteger(t).toString(), Kind.NUMBER) : n;
        }
        return new ScalarNode(source, path, t, Kind.STRING);
    }

    /** The value of a plain decimal with a finite double value, or null if the text is not one. */
    static BigDecimal parseNumber(String text) {
        // BigDecimal reads any Unicode digit (full-width, Arabic-Indic); a number here is ASCII, as Double reads it.
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) > 127) return null;
        try {
            BigDecimal d = new BigDecimal(text);
            return Double.isFinite(d.doubleValue()) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Another base, as YAML writes it: {@code 0x1F} (hexadecimal), {@code 0b101} (binary). */
    private static final Pattern OTHER_BASE = Pattern.compile("([-+]?)0(?:x([0-9a-fA-F_]+)|b([01_]+))");
    /** YAML's infinities and not-a-number ({@code .inf}, {@code -.Inf}, {@code .NaN}): numbers to YAML, text elsewhere. */
    private static final Pattern SPECIAL = Pattern.compile("[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
    /** A decimal as YAML 1.1 spells it: digits (underscores allowed), a point, an exponent. */
    private static final Pattern DECIMAL = Pattern.compile("([-+]?)([0-9][0-9_]*(?:\\.[0-9_]*)?|\\.[0-9][0-9_]*)([eE][-+]?[0-9]+)?");

    /**
     * Why the spelling of a number is refused, or null if it is not. A number that readers
     * could take two ways is refused, so that a file and {@code --set} read every number alike:
     * another base ({@code 0x1F}, {@code 0b101}: numbers to YAML, text elsewhere), a leading
     * zero ({@code 010}: the octal number 8 to YAML 1.1, 10 to YAML 1.2 and {@code --set};
     * {@code 08}: text to YAML 1.1) and underscores ({@code 1_000}: 1000 to YAML 1.1, text to
     * YAML 1.2), and YAML's {@code .inf} and {@code .nan}, which no field takes. Every message
     * says how to write the number or why it is unusable. A file ({@link YamlTree}) and
     * {@code --set} ({@link ScenarioFiles}) both ask this of every value not quoted.
     */
    static String unclearNumber(String text) {
        String t = text.strip();
        if (SPECIAL.matcher(t).matches()) return "'" + t + "' is not a usable number (infinite or NaN)";
        Matcher base = OTHER_BASE.matcher(t);
        if (base.matches()) return otherBase(t, base);
        Matcher m = DECIMAL.matcher(t);
        if (!m.matches()) return null;
        String written = m.group(2);
        String digits = written.replace("_", "");
        boolean leadingZero = digits.matches("0[0-9].*");
        if (!leadingZero && digits.equals(written)) return null;
        String sign = m.group(1).equals("-") ? "-" : "";
        String plain = sign + digits.replaceFirst("^0+(?=[0-9])", "") + (m.group(3) == null ? "" : m.group(3));
        String what = leadingZero ? (digits.equals(written) ? "a leading zero" : "a leading zero or underscores") : "underscores";
        String octal = leadingZero && m.group(3) == null && digits.matches("[0-7]+") ? sign + new BigInteger(digits, 8) : null;
        if (octal != null && !octal.equals(plain)) {
            return "write numbers without " + what + ": '" + Text.excerpt(t, 32, 24) + "' could mean " + Text.excerpt(plain, 32, 24)
                    + " or the octal number " + Text.excerpt(octal, 32, 24);
        }
        return "write numbers without " + what + ": write '" + Text.excerpt(t, 32, 24) + "' as " + Text.excerpt(plain, 32, 24);
    }

    private static String otherBase(String t, Matcher m) {
        boolean hex = m.group(2) != null;
        String digits = (hex ? m.group(2) : m.group(3)).replace("_", "");
        if (digits.isEmpty()) return null;
        BigInteger value = new BigInteger(digits, hex ? 16 : 2);
        if (m.group(1).equals("-")) value = value.negate();
        return "write numbers in decimal: '" + Text.excerpt(t, 32, 24) + "' is the " + (hex ? "hexadecimal" : "binary")
                + " number " + (value.bitLength() < 64 ? value.toString() : "of " + digits.length() + " digits");
    }

    /** Whether a number was written as a whole number (no fraction, no exponent). */
    public boolean isWholeNumber() {
        return kind == Kind.NUMBER && text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
    }

    @Override
    public boolean setOnCommandLine() {
        return Source.COMMAND_LINE.equals(source);
    }

    @Override
    public ScalarNode withPath(String newPath) {
        return new ScalarNode(source, newPath, text, kind);
    }

    @Override
    public JsonNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (kind) {
            case NULL -> f.nullNode();
            case BOOLEAN -> f.booleanNode(Boolean.parseBoolean(text));
            case STRING -> f.textNode(text);
            case NUMBER -> {
                if (!isWholeNumber()) yield f.numberNode(Double.parseDouble(text));
                BigInteger i = new BigInteger(text);
                yield i.bitLength() < Long.SIZE ? f.numberNode(i.longValue()) : f.numberNode(i);
            }
        };
    }

    @Override
    /** The value as a message quotes it: at most 60 characters (a text file read as a scenario is one long value). */
    public String describe() {
        if (kind == Kind.NULL) return "nothing";
        return "'" + Text.excerpt(text, 60, 50) + "'";
    }
}
