package org.caseload.scenario;

/**
 * A mistake in a scenario file or override, reported to the user as one line:
 * {@code file:line:column: field: problem}. It carries no stack trace: it is a message for
 * a person, not a bug.
 */
public final class ScenarioException extends org.caseload.fault.InputException {
    private static final long serialVersionUID = 1L;
    private final transient Source source;
    private final String field;
    private final String problem;

    public ScenarioException(Source source, String field, String problem) {
        super(format(source, field, problem));
        this.source = source;
        this.field = field;
        this.problem = problem;
    }

    private static String format(Source source, String field, String problem) {
        StringBuilder b = new StringBuilder();
        if (source != null) b.append(source).append(": ");
        if (field != null && !field.isEmpty()) b.append(field).append(": ");
        return b.append(problem).toString();
    }

    public Source source() {
        return source;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
