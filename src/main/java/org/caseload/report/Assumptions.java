package org.caseload.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The assumptions of a scenario and their stated sources, as far as they can be read from
 * the scenario files themselves: the header comment of each file (what it represents and
 * its sources), and every value that carries a comment on its own line or just above it,
 * with that comment as its source. Values without a comment are not listed here (they are
 * all in manifest.json); nothing is inferred beyond what the files say.
 */
public final class Assumptions {
    private Assumptions() {
    }

    /** One commented value: where it is set, its value as written and the comment beside it. */
    public record Entry(String scenario, String file, String path, String value, String source) {
    }

    /** A scenario's header comments (one per file in its {@code extends} chain, child first) and commented values. */
    public record Sources(String scenario, List<String> headers, List<Entry> entries) {
    }

    private static final Pattern KEY = Pattern.compile("^(\\s*)(-\\s+)?([A-Za-z0-9_]+):\\s*(.*)$");
    private static final Pattern EXTENDS = Pattern.compile("^extends:\\s*(\\S+)");
    private static final int MAX_CHAIN = 50;

    public static Sources read(String scenario, Path file) {
        List<String> headers = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Path current = file;
        for (int depth = 0; current != null && depth < MAX_CHAIN; depth++) {
            List<String> lines;
            try {
                lines = Files.readAllLines(current, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                break; // the run already read these files; if one has gone, the report says less, it does not fail
            }
            String header = header(lines);
            if (!header.isEmpty()) headers.add(current.getFileName() + ": " + header);
            Path next = null;
            for (Entry e : entries(scenario, current.getFileName().toString(), lines)) {
                if (seen.add(e.path())) entries.add(e); // a child's value overrides its parent's
            }
            for (String line : lines) {
                Matcher m = EXTENDS.matcher(line);
                if (m.find()) {
                    Path parent = current.getParent() == null ? Path.of("") : current.getParent();
                    next = parent.resolve(m.group(1));
                }
            }
            current = next;
        }
        return new Sources(scenario, headers, entries);
    }

    /** The comment lines before the first key, joined into one paragraph. */
    static String header(List<String> lines) {
        StringBuilder b = new StringBuilder();
        for (String line : lines) {
            String t = line.strip();
            if (t.isEmpty() && b.length() == 0) continue;
            if (!t.startsWith("#")) break;
            String text = t.replaceFirst("^#+\\s?", "").strip();
            if (text.isEmpty()) continue;
            if (b.length() > 0) b.append(' ');
            b.append(text);
        }
        return b.toString();
    }

    static List<Entry> entries(String scenario, String file, List<String> lines) {
        List<Entry> out = new ArrayList<>();
        List<int[]> indents = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        boolean inHeader = true;
        for (String line : lines) {
            String t = line.strip();
            if (t.startsWith("#")) {
                if (!inHeader) pending.append(pending.length() > 0 ? " " : "").append(t.replaceFirst("^#+\\s?", "").strip());
                continue;
            }
            if (t.isEmpty()) {
                pending.setLength(0);
                continue;
            }
            inHeader = false;
            Matcher m = KEY.matcher(line);
            if (!m.matches()) {
                pending.setLength(0);
                continue;
            }
            int indent = m.group(1).length() + (m.group(2) == null ? 0 : m.group(2).length());
            while (!indents.isEmpty() && indents.get(indents.size() - 1)[0] >= indent) {
                indents.remove(indents.size() - 1);
                keys.remove(keys.size() - 1);
            }
            String rest = m.group(4);
            int hash = commentStart(rest);
            String value = (hash >= 0 ? rest.substring(0, hash) : rest).strip();
            String comment = hash >= 0 ? rest.substring(hash + 1).strip() : "";
            String key = m.group(3);
            String path = String.join(".", keys) + (keys.isEmpty() ? "" : ".") + key;
            String source = (pending + (pending.length() > 0 && !comment.isEmpty() ? " " : "") + comment).strip();
            if (!source.isEmpty() && !key.equals("extends")) out.add(new Entry(scenario, file, path, value, source));
            pending.setLength(0);
            if (value.isEmpty()) {
                indents.add(new int[] {indent});
                keys.add(key);
            }
        }
        return out;
    }

    /** Index of a YAML comment's '#' (preceded by a space, outside quotes), or -1. */
    private static int commentStart(String s) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' && !dbl) single = !single;
            else if (c == '"' && !single) dbl = !dbl;
            else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))) return i;
        }
        return -1;
    }
}
