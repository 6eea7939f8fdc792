package org.caseload.scenario;

/**
 * One entry of a scenario's {@code uncertainty} section: a numeric field and what is believed
 * about its value.
 *
 * @param path         dotted path of the field, as for {@code --set}
 * @param value        the value written in the scenario (the point estimate)
 * @param distribution the belief about it
 * @param source       where the range comes from, or why it is an assumption
 * @param where        where the entry is written
 */
public record UncertainParameter(String path, double value, ParameterDistribution distribution, String source, Source where) {
}
