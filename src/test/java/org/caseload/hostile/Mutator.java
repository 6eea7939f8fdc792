package org.caseload.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded text mutations of a YAML scenario: numbers pushed to extremes, keys dropped and
 * duplicated, types swapped, lists emptied, indentation broken. Working on the text (not a
 * parsed tree) keeps what a person could really type, including YAML that no longer parses.
 */
final class Mutator {
    enum Kind { EXTREME_NUMBER, DROP_KEY, DROP_FLOW_ENTRY, DUPLICATE_KEY, SWAP_TYPE, EMPTY_LIST, INDENTATION }

    /** A mutated file and what was done to it, for the failure message. */
    record Mutant(String text, String description) {
    }

    static final List<String> EXTREMES = List.of("0", "-1", "1e300", "-1e300", "1e-300", "NaN", ".nan", ".inf", "-.inf",
            "2147483647", "2147483648", "-2147483648", "9223372036854775807", "123456789012345678901234567890", "1e9",
            "0.5", "-0", "1e308");
    static final List<String> SWAPS = List.of("oops", "\"42\"", "[1, 2]", "{a: 1}", "42", "-3.5", "[]", "{}", "~", "true",
            "''", "[[1]]");

    /** key: value on one line, optionally a list item; group 1 indent, 2 "- ", 3 key, 4 value (may be empty). */
    private static final Pattern KEY_LINE = Pattern.compile("^(\\s*)(- )?([A-Za-z_][A-Za-z0-9_]*):(?:\\s+(.*?))?\\s*(#.*)?$");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?(?![\\w.])");
    private static final Pattern FLOW_ENTRY = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*): (?:\\{[^{}]*}|\\[[^\\[\\]]*]|[^,{}\\[\\]]+)(, )?");

    private final Random random;

    Mutator(long seed) {
        this.random = new Random(seed);
    }

    /** One mutation of a random kind; tries other kinds when the file offers no place for one. */
    Mutant mutate(String text) {
        for (int attempt = 0; attempt < 50; attempt++) {
            Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
            Mutant m = apply(kind, text);
            if (m != null) return m;
        }
        throw new IllegalStateException("no mutation applies");
    }

    private Mutant apply(Kind kind, String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        List<Integer> keyLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) if (KEY_LINE.matcher(lines.get(i)).matches()) keyLines.add(i);
        switch (kind) {
            case EXTREME_NUMBER -> {
                List<int[]> spots = new ArrayList<>();
                for (int i : keyLines) {
                    Matcher km = KEY_LINE.matcher(lines.get(i));
                    if (!km.matches() || km.group(4) == null) continue;
                    Matcher n = NUMBER.matcher(lines.get(i));
                    n.region(km.start(4), km.end(4));
                    while (n.find()) spots.add(new int[] {i, n.start(), n.end()});
                }
                if (spots.isEmpty()) return null;
                int[] s = spots.get(random.nextInt(spots.size()));
                String extreme = EXTREMES.get(random.nextInt(EXTREMES.size()));
                String line = lines.get(s[0]);
                lines.set(s[0], line.substring(0, s[1]) + extreme + line.substring(s[2]));
                return done(lines, kind, s[0], "'" + line.substring(s[1], s[2]) + "' -> '" + extreme + "'");
            }
            case DROP_KEY, DUPLICATE_KEY -> {
                if (keyLines.isEmpty()) return null;
                int i = keyLines.get(random.nextInt(keyLines.size()));
                int end = blockEnd(lines, i);
                String what = lines.get(i).strip();
                if (kind == Kind.DROP_KEY) {
                    lines.subList(i, end).clear();
                } else {
                    List<String> block = new ArrayList<>(lines.subList(i, end));
                    // a duplicated list item is a legal second item, so duplicate its key inside the item instead
                    if (block.get(0).stripLeading().startsWith("- ")) block.set(0, block.get(0).replaceFirst("- ", "  "));
                    lines.addAll(end, block);
                }
                return done(lines, kind, i, what);
            }
            case DROP_FLOW_ENTRY -> {
                List<int[]> spots = new ArrayList<>();
                for (int i : keyLines) {
                    String line = lines.get(i);
                    int brace = line.indexOf('{');
                    if (brace < 0) continue;
                    Matcher f = FLOW_ENTRY.matcher(line);
                    f.region(brace + 1, line.length());
                    while (f.find()) spots.add(new int[] {i, f.start(), f.end()});
                }
                if (spots.isEmpty()) return null;
                int[] s = spots.get(random.nextInt(spots.size()));
                String line = lines.get(s[0]);
                lines.set(s[0], line.substring(0, s[1]) + line.substring(s[2]));
                return done(lines, kind, s[0], "'" + line.substring(s[1], s[2]) + "'");
            }
            case SWAP_TYPE -> {
                if (keyLines.isEmpty()) return null;
                int i = keyLines.get(random.nextInt(keyLines.size()));
                Matcher km = KEY_LINE.matcher(lines.get(i));
                if (!km.matches()) return null;
                String swap = SWAPS.get(random.nextInt(SWAPS.size()));
                int end = blockEnd(lines, i);
                String head = km.group(1) + (km.group(2) == null ? "" : km.group(2)) + km.group(3) + ": ";
                String before = lines.get(i).strip();
                lines.subList(i + 1, end).clear();
                lines.set(i, head + swap);
                return done(lines, kind, i, "'" + before + "' -> value " + swap);
            }
            case EMPTY_LIST -> {
                List<Integer> spots = new ArrayList<>();
                for (int i : keyLines) {
                    Matcher km = KEY_LINE.matcher(lines.get(i));
                    if (!km.matches()) continue;
                    boolean flow = km.group(4) != null && km.group(4).startsWith("[") && !km.group(4).equals("[]");
                    boolean block = km.group(4) == null && i + 1 < lines.size() && lines.get(i + 1).stripLeading().startsWith("- ");
                    if (flow || block) spots.add(i);
                }
                if (spots.isEmpty()) return null;
                int i = spots.get(random.nextInt(spots.size()));
                Matcher km = KEY_LINE.matcher(lines.get(i));
                km.matches();
                String before = lines.get(i).strip();
                lines.subList(i + 1, blockEnd(lines, i)).clear();
                lines.set(i, km.group(1) + (km.group(2) == null ? "" : km.group(2)) + km.group(3) + ": []");
                return done(lines, kind, i, before);
            }
            case INDENTATION -> {
                if (keyLines.isEmpty()) return null;
                int i = keyLines.get(random.nextInt(keyLines.size()));
                String line = lines.get(i);
                int shift = 1 + random.nextInt(3);
                boolean in = random.nextBoolean() || !line.startsWith(" ");
                String moved = in ? " ".repeat(shift) + line : line.substring(Math.min(shift, line.length() - line.stripLeading().length()));
                if (moved.equals(line)) return null;
                lines.set(i, moved);
                return done(lines, kind, i, (in ? "indented " : "outdented ") + shift + ": " + line.strip());
            }
            default -> throw new IllegalStateException();
        }
    }

    /** The first line after {@code i} that is not more indented than it (comments and blanks belong to the block). */
    private static int blockEnd(List<String> lines, int i) {
        int indent = indent(lines.get(i));
        if (lines.get(i).stripLeading().startsWith("- ")) indent += 1; // the item's own keys sit deeper
        int j = i + 1;
        while (j < lines.size()) {
            String l = lines.get(j);
            if (!l.isBlank() && !l.stripLeading().startsWith("#") && indent(l) <= indent) break;
            j++;
        }
        return j;
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }

    private static Mutant done(List<String> lines, Kind kind, int line, String what) {
        return new Mutant(String.join("\n", lines), kind + " at line " + (line + 1) + ": " + what);
    }
}
