package org.caseload.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;

/** A single value, with the kind YAML gave it (a quoted "300" is a string, not a number). */
public record ScalarNode(Source source, String path, String text, Kind kind) implements ConfigNode {
    public enum Kind { NUMBER, STRING, BOOLEAN, NULL }

    /** Infers the kind of a command-line value: true/false, a finite number, null, or text. */
    public static ScalarNode infer(Source source, String path, String text) {
        String t = text.trim();
        if (t.equals("true") || t.equals("false")) return new ScalarNode(source, path, t, Kind.BOOLEAN);
        if (t.equals("null")) return new ScalarNode(source, path, t, Kind.NULL);
        try {
            double d = Double.parseDouble(t);
            if (Double.isFinite(d) && !t.endsWith("d") && !t.endsWith("f") && !t.endsWith("D") && !t.endsWith("F")) {
                return new ScalarNode(source, path, t, Kind.NUMBER);
            }
        } catch (NumberFormatException e) {
            // not a number: a string
        }
        return new ScalarNode(source, path, text, Kind.STRING);
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
                BigDecimal d = new BigDecimal(text.replace("_", ""));
                try {
                    yield f.numberNode(d.longValueExact());
                } catch (ArithmeticException notIntegral) {
                    yield f.numberNode(d.doubleValue());
                }
            }
        };
    }

    @Override
    public String describe() {
        return "a value";
    }
}
