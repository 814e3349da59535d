/**
 * What an image's layers cost: dive's efficiency score, wasted bytes and inefficiency list, the
 * bytes really reclaimable, advice and image-to-image comparison. Imports {@code image}, {@code
 * tree} and {@code bytes} (sizes in advice texts); {@code analysis.ci} holds the CI rules and
 * verdicts.
 */
package io.layerdive.analysis;
