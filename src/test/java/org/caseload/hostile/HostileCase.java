package org.caseload.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entry of {@code src/test/resources/hostile/cases.yaml}: a command line, what must be
 * prepared before it runs, and what must be true afterwards. The index file's header
 * documents every field.
 *
 * @param exits      acceptable exit codes (usually one); empty means "any non-zero" (interrupted runs)
 * @param pending    null, or why the case is expected to fail on this branch for now (the owner and
 *                   the missing fix); a pending case still runs and its failure is reported
 */
record HostileCase(String id, String what, List<String> args, boolean child, List<Integer> exits, String stderr,
                   String notStderr, String stdout, boolean oneLine, List<String> output, List<FileCheck> files,
                   List<Map<String, Object>> setup, List<String> before, String requires, boolean interrupt,
                   int timeoutSeconds, String pending) {

    static final String INDEX = "/hostile/cases.yaml";
    /** Issue 8: a hang or out-of-memory case must end, with its message, within 30 s. */
    static final int REFUSAL_SECONDS = 30;
    /**
     * A case that must succeed simulates and draws charts in a fresh JVM; it is not a hang test,
     * and a loaded build machine can take well over 30 s for it.
     */
    static final int SUCCESS_SECONDS = 120;
    private static final Set<String> FIELDS = Set.of("id", "what", "args", "child", "exit", "stderr", "not_stderr", "stdout",
            "one_line", "output", "files", "setup", "before", "requires", "interrupt", "timeout_s", "pending");

    /**
     * A regular expression that must (or must not) be found in a file after the run; with a
     * {@code column}, in every cell of that CSV column (named by its header) instead.
     */
    record FileCheck(String path, String column, String matches, String notMatches) {
    }

    @Override
    public String toString() {
        return id;
    }

    static List<HostileCase> loadIndex() throws IOException {
        List<Map<String, Object>> raw;
        try (InputStream in = HostileCase.class.getResourceAsStream(INDEX)) {
            if (in == null) throw new IOException("missing test resource " + INDEX);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = new ObjectMapper(new YAMLFactory()).readValue(in, List.class);
            raw = list;
        }
        List<HostileCase> cases = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Map<String, Object> m : raw) {
            HostileCase c = of(m);
            if (!ids.add(c.id)) throw new IllegalStateException("duplicate case id " + c.id);
            cases.add(c);
        }
        return cases;
    }

    @SuppressWarnings("unchecked")
    private static HostileCase of(Map<String, Object> m) {
        for (String k : m.keySet()) {
            if (!FIELDS.contains(k)) throw new IllegalStateException("case " + m.get("id") + ": unknown field '" + k + "'");
        }
        String id = (String) m.get("id");
        if (id == null || !m.containsKey("args") || !m.containsKey("exit")) {
            throw new IllegalStateException("case " + id + ": id, args and exit are required");
        }
        List<Integer> exits = new ArrayList<>();
        Object exit = m.get("exit");
        if (exit instanceof Integer i) exits.add(i);
        else if (exit instanceof List<?> l) l.forEach(x -> exits.add((Integer) x));
        else if (!"any-nonzero".equals(exit)) throw new IllegalStateException("case " + id + ": exit must be a number, a list or any-nonzero");
        List<FileCheck> files = new ArrayList<>();
        for (Map<String, Object> f : (List<Map<String, Object>>) m.getOrDefault("files", List.of())) {
            files.add(new FileCheck((String) f.get("path"), (String) f.get("column"), (String) f.get("matches"),
                    (String) f.get("not_matches")));
        }
        boolean failing = exits.isEmpty() || !exits.contains(0);
        return new HostileCase(id, (String) m.getOrDefault("what", id), strings(m.get("args")),
                Boolean.TRUE.equals(m.get("child")), exits, (String) m.get("stderr"), (String) m.get("not_stderr"),
                (String) m.get("stdout"), (Boolean) m.getOrDefault("one_line", failing && !exits.isEmpty()),
                strings(m.getOrDefault("output", List.of())), files,
                (List<Map<String, Object>>) m.getOrDefault("setup", List.of()), strings(m.getOrDefault("before", List.of())),
                (String) m.get("requires"), Boolean.TRUE.equals(m.get("interrupt")),
                (Integer) m.getOrDefault("timeout_s", exits.contains(0) ? SUCCESS_SECONDS : REFUSAL_SECONDS),
                (String) m.get("pending"));
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        for (Object x : (List<?>) o) out.add(String.valueOf(x));
        return out;
    }
}
