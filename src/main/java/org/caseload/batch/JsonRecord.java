package org.caseload.batch;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.caseload.fault.FileFaults;
import org.caseload.fault.InputException;
import org.caseload.scenario.YamlTree;

/**
 * Reads the JSON of a batch record ({@code batch.json} in a resumable run's working folder, a
 * shard's {@code manifest.json}) for {@link BatchSpec#read}. A file that is not JSON, is cut
 * short or is empty is a user mistake naming the file, in caseload's own words with the line and
 * column where the text goes wrong, as the scenario reader reports a YAML file; never Jackson's
 * message, which quotes its own source description and names its internals. Its fields are read
 * through {@link Fields}, which refuses a field missing or not of the kind {@link BatchSpec#write}
 * writes (text, a whole number, a list), naming it in full, instead of reading it as 0 or empty.
 */
final class JsonRecord {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The most a record may hold. caseload writes a few kB (scenario names, files and hashes,
     * the command's options); a larger file is not one of its records, and reading it whole
     * could exhaust the heap before anything could be said about it.
     */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private JsonRecord() {
    }

    /** The refusal of {@code file}, with why in brackets. */
    static InputException notARecord(Path file, String why) {
        return new InputException(file + ": not a caseload batch record (" + why + ")");
    }

    /** The file's JSON tree (an object or not: the caller checks its fields). */
    static JsonNode read(Path file) {
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES && Files.isRegularFile(file)) {
                throw notARecord(file, String.format(Locale.ROOT, "%,.1f MB, far larger than caseload writes", size / (1024.0 * 1024)));
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": not found");
        } catch (CharacterCodingException e) {
            throw notARecord(file, "it is not UTF-8 text");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read it (" + FileFaults.reason(e) + ")");
        }
        try (JsonParser p = JSON.createParser(text)) {
            JsonNode o;
            try {
                o = JSON.readTree(p);
            } catch (StreamConstraintsException e) {
                // A corrupted or hostile record past one of Jackson's limits, in the scenario reader's words for depth.
                String tooDeep = YamlTree.nestedTooDeep(p);
                throw notARecord(file, tooDeep != null ? tooDeep : "a number or text far longer than caseload writes");
            }
            if (o == null) throw notARecord(file, "it is empty");
            // Text after the record (two records run together, a bad copy's tail) means the file is not one record.
            if (p.nextToken() != null) throw notARecord(file, "more after the record's end" + at(", at", p.currentTokenLocation()));
            return o;
        } catch (JsonEOFException e) {
            throw notARecord(file, "it ends part-way through" + at(", at", e.getLocation()));
        } catch (JsonProcessingException e) {
            throw notARecord(file, unexpected(text, e.getLocation()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a parser reading a String does no I/O
        }
    }

    /** {@code ", at line L, column C"} after {@code lead}, or nothing when the parser gave no position. */
    private static String at(String lead, JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1 || loc.getColumnNr() < 1) return "";
        return lead + " line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    /**
     * The character where the JSON goes wrong and its position. Jackson's position is that
     * character's, except after a control character between tokens (a zero byte, say), which it
     * reports one column on: a control character cannot stand anywhere in JSON text, so one just
     * before the position is the culprit.
     */
    private static String unexpected(String text, JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1 || loc.getColumnNr() < 1) return "not JSON as caseload writes it";
        int index = (int) Math.min(loc.getCharOffset(), text.length());
        int column = loc.getColumnNr();
        if (index > 0 && column > 1 && isControl(text.charAt(index - 1))) {
            index--;
            column--;
        }
        if (index < 0 || index >= text.length()) return "it ends part-way through" + at(", at", loc);
        return "unexpected character " + shown(text.codePointAt(index)) + " at line " + loc.getLineNr() + ", column " + column;
    }

    private static boolean isControl(char c) {
        return Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
    }

    /** A character as a message quotes it: itself when it can be seen, else its escape ({@code '\u0000'}). */
    private static String shown(int cp) {
        boolean visible = !Character.isWhitespace(cp) && !Character.isISOControl(cp) && switch (Character.getType(cp)) {
            case Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE, Character.SPACE_SEPARATOR,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
        return "'" + (visible ? Character.toString(cp) : String.format(Locale.ROOT, "\\u%04x", cp)) + "'";
    }

    /** A field missing or not of the kind a record holds there, named from the record's root ({@code slice.index}). */
    static final class BadField extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadField(String field) {
            super(field, null, false, false);
        }
    }

    /** The fields of one object of a record; {@code prefix} names it ({@code ""}, {@code "slice."}, {@code "scenarios.0."}). */
    record Fields(JsonNode node, String prefix) {
        /** The root of a record, which must be an object saying it is caseload's. */
        static Fields root(JsonNode o) {
            Fields f = new Fields(o, "");
            if (!o.isObject() || !"caseload".equals(f.text("tool"))) throw f.bad("tool");
            return f;
        }

        BadField bad(String key) {
            return new BadField(prefix + key);
        }

        /** Whether the record holds the field (not null): an optional field may be left out. */
        boolean has(String key) {
            JsonNode v = node.get(key);
            return v != null && !v.isNull();
        }

        /** The field, which must be there and of the kind {@code kind} accepts. */
        private JsonNode get(String key, Predicate<JsonNode> kind) {
            if (!has(key) || !kind.test(node.get(key))) throw bad(key);
            return node.get(key);
        }

        String text(String key) {
            return get(key, JsonNode::isTextual).textValue();
        }

        long integer(String key) {
            return get(key, v -> v.isIntegralNumber() && v.canConvertToLong()).longValue();
        }

        /** A whole number that fits an int, at least {@code min}. */
        int count(String key, int min) {
            long n = integer(key);
            if (n < min || n > Integer.MAX_VALUE) throw bad(key);
            return (int) n;
        }

        double number(String key) {
            return get(key, JsonNode::isNumber).doubleValue();
        }

        boolean bool(String key) {
            return get(key, JsonNode::isBoolean).booleanValue();
        }

        Fields object(String key) {
            return new Fields(get(key, JsonNode::isObject), prefix + key + ".");
        }

        /** A list of objects, each named by its index from 0 (as the scenario reader names list items). */
        List<Fields> objects(String key) {
            JsonNode v = get(key, JsonNode::isArray);
            List<Fields> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isObject()) throw bad(key + "." + i);
                out.add(new Fields(v.get(i), prefix + key + "." + i + "."));
            }
            return out;
        }

        List<String> texts(String key) {
            JsonNode v = get(key, JsonNode::isArray);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isTextual()) throw bad(key + "." + i);
                out.add(v.get(i).textValue());
            }
            return out;
        }
    }
}
