package org.caseload.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import org.caseload.fault.Text;

/**
 * A single value, with the kind YAML gave it (a quoted "300" is a string, not a number).
 *
 * <p>The text of a {@link Kind#NUMBER} is always a plain decimal that both
 * {@link Double#parseDouble} and {@link BigDecimal} accept and whose value is finite:
 * {@link YamlTree} rewrites YAML's other decimal spellings (underscores, a leading +) and rejects
 * infinities and other bases ({@link #otherBase}),
 * so no reader has to know YAML's number syntax. A number written without a fraction or
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
     * finite decimal number, or else text.
     */
    public static ScalarNode infer(Source source, String path, String text) {
        String t = text.strip();
        if (t.equals("true") || t.equals("false")) return new ScalarNode(source, path, t, Kind.BOOLEAN);
        if (t.equals("null")) return new ScalarNode(source, path, t, Kind.NULL);
        if (parseNumber(t) != null) return new ScalarNode(source, path, t, Kind.NUMBER);
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

    /**
     * Why a number written in another base is refused, or null if the text is not one. YAML
     * reads {@code 0x1F} (hexadecimal) and {@code 0b101} (binary) as numbers; in a planning
     * input they are far likelier a slip than meant, so a file and {@code --set} both refuse
     * them with this message, as a file refuses an octal-looking {@code 010}.
     */
    static String otherBase(String text) {
        String t = text.strip();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([-+]?)0(?:x([0-9a-fA-F_]+)|b([01_]+))").matcher(t);
        if (!m.matches()) return null;
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
