/**
 * The JSON report: dive's export schema ({@code layer}, {@code image}) byte for byte as Go's {@code
 * json.MarshalIndent} writes it, then our own versioned {@code analysis} section; and the
 * plain-text summary printed when stdout is not a terminal; and the reports of how two images differ
 * (text, Markdown, JSON). The report is made of explicit records,
 * never of serialised internals. Imports {@code analysis}, {@code tree}, {@code image}, {@code
 * bytes} and Jackson.
 */
package io.layerdive.export;
