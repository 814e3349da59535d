/**
 * CI rules and verdicts: dive's three rules ({@code lowestEfficiency}, {@code highestWastedBytes},
 * {@code highestUserWastedPercent}) with dive's defaults, messages and strict comparisons, our own
 * {@code highestReclaimableBytes}, their configuration (flags or a {@code .dive-ci} file), and the
 * reports of a verdict: dive's text, JUnit XML and Markdown. Imports {@code analysis} and {@code
 * bytes}; Jackson for reading {@code .dive-ci}.
 */
package io.layerdive.analysis.ci;
