package org.caseload.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseload.fault.FileFaults;
import org.caseload.fault.Text;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads one YAML file into a {@link ConfigNode} tree with line and column on every node,
 * using Jackson's streaming parser (data binding would lose positions). Duplicate keys,
 * malformed YAML, lists and sections nested more than 1,000 deep (Jackson's limit), a
 * file over 3 MB (SnakeYAML's), an empty file or a root that is not a mapping are reported as {@link ScenarioException}s
 * naming the file and line.
 *
 * <p>Three YAML features that silently change values are refused or narrowed, because a
 * planning model should not read {@code prescribing: no} as {@code false} by accident:
 * only {@code true}/{@code false} are booleans ({@code yes}, {@code on} are text), aliases
 * ({@code *name}) are refused (share settings with {@code extends} instead), and numbers
 * readers could take two ways (a leading zero, underscores, hexadecimal, binary:
 * {@link ScalarNode#unclearNumber}) are refused, as {@code --set} refuses them. Infinite and
 * NaN numbers are refused.
 */
public final class YamlTree {
    /** Configured once and never changed; Jackson factories are thread-safe. */
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS, YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build();

    /**
     * The largest file read, in bytes: SnakeYAML's own limit of 3 MB (in code points, which
     * a file within it in bytes cannot exceed), checked before the file is read so that a
     * larger one is refused in plain words without being read into memory.
     */
    static final int MAX_BYTES = new LoaderOptions().getCodePointLimit();

    /**
     * Writes scenario files (calibrated.yaml, a what-if run's scenario) that {@link #load} reads
     * back as written: quotes only where needed, but always around text a reader could take for
     * something else, including any text that starts like a number ({@code '08'}, {@code '1_000'},
     * {@code '.5'}), which would otherwise be written bare and then refused or read as a number.
     */
    private static final ObjectMapper WRITER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .stringQuotingChecker(new StringQuotingChecker.Default() {
                @Override
                public boolean needToQuoteValue(String value) {
                    return super.needToQuoteValue(value) || (!value.isEmpty() && "0123456789+-.".indexOf(value.charAt(0)) >= 0);
                }
            })
            .build());

    private YamlTree() {
    }

    /** {@code tree} as YAML that {@link #load} reads back as the same values (see {@link #WRITER}). */
    public static String write(JsonNode tree) {
        try {
            return WRITER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scenario tree could not be written as YAML", e);
        }
    }

    /**
     * @param file        the file to read
     * @param displayName how to name it in messages (the path as the user wrote it)
     */
    public static MapNode load(Path file, String displayName) {
        Source fileSource = new Source(displayName, 0, 0);
        if (!Files.isRegularFile(file)) {
            throw new ScenarioException(fileSource, null, "cannot read file: " + (Files.exists(file) ? "not a regular file" : "no such file"));
        }
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) throw tooLarge(fileSource, size);
            text = decodeUtf8(Files.readAllBytes(file), displayName);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(fileSource, null, "cannot read file: no such file");
        } catch (IOException e) {
            throw new ScenarioException(fileSource, null, "cannot read file: " + FileFaults.reason(e));
        }
        try (YAMLParser p = FACTORY.createParser(text)) {
            try {
                return document(p, text, displayName, fileSource);
            } catch (StreamConstraintsException e) {
                // Any other of Jackson's limits is reported as malformed YAML, in Jackson's words.
                String tooDeep = nestedTooDeep(p);
                if (tooDeep == null) throw e;
                throw new ScenarioException(at(displayName, p.currentTokenLocation()), null, tooDeep);
            }
        } catch (JsonProcessingException e) {
            throw malformed(displayName, text, e);
        } catch (IOException e) {
            throw new ScenarioException(fileSource, null, "cannot read file: " + e.getMessage());
        }
    }

    /**
     * What a Jackson parser that has just refused a document for one of its limits refused it
     * for, in plain words, if that was the nesting depth: {@code "nested more than 1,000 levels
     * deep"}; null for any other limit. The parser has entered the level it refuses, so its
     * context is deeper than the limit. Used for scenario files and for JSON records alike.
     */
    public static String nestedTooDeep(JsonParser p) {
        int limit = p.streamReadConstraints().getMaxNestingDepth();
        if (p.getParsingContext().getNestingDepth() <= limit) return null;
        return String.format(Locale.ROOT, "nested more than %,d levels deep", limit);
    }

    private static ScenarioException tooLarge(Source fileSource, long size) {
        // Rounded up, so that a file just over the limit does not read as 3.0 MB.
        double megabytes = Math.ceil(size * 10.0 / (1024 * 1024)) / 10;
        return new ScenarioException(fileSource, null, String.format(Locale.ROOT,
                "larger than the %d MB caseload reads in a YAML file (%,.1f MB); check it is the file meant",
                MAX_BYTES / (1024 * 1024), megabytes));
    }

    private static MapNode document(YAMLParser p, String text, String displayName, Source fileSource) throws IOException {
        ConfigNode root = p.nextToken() == null ? null : read(p, text, displayName, "");
        if (root == null || root instanceof ScalarNode s && (s.kind() == ScalarNode.Kind.NULL || s.text().isBlank())) {
            throw new ScenarioException(fileSource, null, "the file is empty");
        }
        if (!(root instanceof MapNode map)) {
            throw new ScenarioException(root.source(), null, "a scenario file must be a mapping of fields (key: value), found " + root.describe());
        }
        if (p.nextToken() != null) {
            throw new ScenarioException(at(displayName, p.currentTokenLocation()), null, "more than one YAML document in the file");
        }
        return map;
    }

    /**
     * Strict UTF-8: a byte sequence that is not UTF-8 (a file saved as Latin-1 or
     * Windows-1252, say) is reported at its own line and column, with its value, instead of
     * being replaced silently or reported at the start of the file.
     */
    static String decodeUtf8(byte[] bytes, String displayName) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) r = decoder.flush(out);
        if (r.isError()) {
            out.flip();
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < r.length(); i++) hex.append(i == 0 ? "" : " ").append(String.format("0x%02X", bytes[in.position() + i] & 0xff));
            throw new ScenarioException(positionAt(displayName, out, out.limit()), null, "not UTF-8: byte " + hex + " (byte offset "
                    + in.position() + ") is not valid UTF-8; save the file as UTF-8");
        }
        out.flip();
        return out.toString();
    }

    /** The line and column (1-based, in characters, a surrogate pair counting one) of {@code text}'s character at {@code index}. */
    private static Source positionAt(String file, CharSequence text, int index) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c)) {
                column++;
            }
        }
        return new Source(file, line, column);
    }

    private static ConfigNode read(YAMLParser p, String text, String file, String path) throws IOException {
        Source src = at(file, p.currentTokenLocation());
        switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, ConfigNode> entries = new LinkedHashMap<>();
                Map<String, Source> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Source keySource = at(file, p.currentTokenLocation());
                    if (entries.containsKey(key)) {
                        throw new ScenarioException(keySource, ConfigNode.child(path, key),
                                "duplicate field (first at line " + keys.get(key).line() + ")");
                    }
                    p.nextToken();
                    keys.put(key, keySource);
                    entries.put(key, read(p, text, file, ConfigNode.child(path, key)));
                }
                return new MapNode(src, path, keys, entries);
            }
            case START_ARRAY -> {
                List<ConfigNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, text, file, ConfigNode.child(path, String.valueOf(items.size()))));
                }
                return new ListNode(src, path, items);
            }
            case VALUE_NUMBER_INT -> {
                return new ScalarNode(src, path, integerText(p, src, path), ScalarNode.Kind.NUMBER);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new ScalarNode(src, path, decimalText(p.getText(), src, path), ScalarNode.Kind.NUMBER);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new ScalarNode(src, path, String.valueOf(p.currentToken() == JsonToken.VALUE_TRUE), ScalarNode.Kind.BOOLEAN);
            }
            case VALUE_NULL -> {
                return new ScalarNode(src, path, "null", ScalarNode.Kind.NULL);
            }
            default -> {
                if (p.isCurrentAlias()) {
                    throw new ScenarioException(src, path, "YAML aliases (*" + p.getText()
                            + ") are not supported; write the value out, or share settings between files with 'extends'");
                }
                // YAML 1.1 reads 08 and 09 as text (not octal digits); --set would read them as numbers.
                String unclear = plain(text, p.currentTokenLocation(), p.getText()) ? ScalarNode.unclearNumber(p.getText()) : null;
                if (unclear != null) throw new ScenarioException(src, path, unclear);
                return new ScalarNode(src, path, p.getText(), ScalarNode.Kind.STRING);
            }
        }
    }

    /**
     * An integer in plain decimal, whatever decimal spelling YAML gave it (+5); the spellings
     * readers could take two ways (hexadecimal, binary, a leading zero, underscores) are refused.
     */
    private static String integerText(YAMLParser p, Source src, String path) throws IOException {
        String written = p.getText();
        String unclear = ScalarNode.unclearNumber(written);
        if (unclear != null) throw new ScenarioException(src, path, unclear);
        String plain = p.getBigIntegerValue().toString();
        if (ScalarNode.parseNumber(plain) == null) {
            throw new ScenarioException(src, path, "'" + Text.excerpt(written, 32, 24) + "' is not a usable number (too large)");
        }
        return plain;
    }

    private static String decimalText(String written, Source src, String path) {
        String unclear = ScalarNode.unclearNumber(written);
        if (unclear != null) throw new ScenarioException(src, path, unclear);
        String plain = written;
        if (ScalarNode.parseNumber(plain) == null) {
            throw new ScenarioException(src, path, "'" + written + "' is not a usable number (too large)");
        }
        return plain;
    }

    /**
     * Whether the scalar {@code value} at {@code loc} is written plain, its text starting where
     * the value does (a quoted "08" or a block {@code |} starts with the quote or the bar: text
     * by choice). SnakeYAML counts the offset in code points. Taken as not plain if the offset
     * cannot be placed, so that no value is refused on a guess.
     */
    private static boolean plain(String text, JsonLocation loc, String value) {
        long at = loc == null ? -1 : loc.getCharOffset();
        if (at < 0 || at > Integer.MAX_VALUE || value.isEmpty()) return false;
        try {
            int i = text.offsetByCodePoints(0, (int) at);
            return i < text.length() && text.charAt(i) == value.charAt(0);
        } catch (IndexOutOfBoundsException e) {
            return false;
        }
    }

    static Source at(String file, JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) return new Source(file, 0, 0);
        return new Source(file, loc.getLineNr(), Math.max(1, loc.getColumnNr()));
    }

    /**
     * One line for a syntax error. SnakeYAML's own report puts the context ("while parsing a
     * block mapping") first and the actual problem, with its precise position, second; we
     * lead with the problem and its position.
     */
    private static ScenarioException malformed(String file, String text, JsonProcessingException e) {
        if (e.getCause() instanceof ReaderException r) return specialCharacter(file, text, r);
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null && m.getProblem() != null) {
            Mark pm = m.getProblemMark();
            Mark cm = m.getContextMark();
            String context = m.getContext() != null && cm != null && cm.getLine() != pm.getLine()
                    ? " (" + m.getContext() + " from line " + (cm.getLine() + 1) + ")" : "";
            String problem = m.getProblem().replace("\\t(TAB)", "TAB");
            return new ScenarioException(new Source(file, pm.getLine() + 1, pm.getColumn() + 1), null,
                    "malformed YAML: " + problem + context);
        }
        String message = firstLine(e.getOriginalMessage());
        if (message.startsWith("Expected a field name")) message = "a key must be a plain name, not a list or a section";
        return new ScenarioException(at(file, e.getLocation()), null, "malformed YAML: " + message);
    }

    /**
     * SnakeYAML refuses a control character (and a few other code points) when it reads
     * ahead, a block of text at a time, so the parser's position is wherever it had got to
     * (often 1:1). The character refused is the first of its kind in the text: everything
     * before it was read and accepted.
     */
    private static ScenarioException specialCharacter(String file, String text, ReaderException r) {
        int index = text.indexOf(Character.toString(r.getCodePoint()));
        Source where = index < 0 ? new Source(file, 0, 0) : positionAt(file, text, index);
        return new ScenarioException(where, null, String.format(Locale.ROOT,
                "malformed YAML: special character \\u%04x is not allowed; remove it", r.getCodePoint()));
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        String m = message.strip();
        int at = m.indexOf(" at [Source");
        if (at >= 0) m = m.substring(0, at);
        int nl = m.indexOf('\n');
        return (nl >= 0 ? m.substring(0, nl) : m).strip();
    }
}
