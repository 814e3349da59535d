/**
 * Human-readable byte sizes exactly as dive prints and reads them (go-humanize's SI rules), and the
 * Go-compatible number formatting they rest on. JDK only; any package may import it.
 */
package io.layerdive.bytes;
