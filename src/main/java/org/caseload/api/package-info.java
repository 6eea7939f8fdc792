/**
 * The Java library API: load scenarios, override values, run or compare them with a given
 * number of replications, seed and threads, read typed results and write the standard files.
 * {@link org.caseload.api.Study} is the entry point; docs/api.md has a worked example. The
 * command line is built on this package.
 */
package org.caseload.api;
