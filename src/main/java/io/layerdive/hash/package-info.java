/**
 * Non-cryptographic content hashes computed while layer data streams by: {@link
 * io.layerdive.hash.Xxh64}, the hash dive compares file contents with. Imports the JDK only.
 */
package io.layerdive.hash;
