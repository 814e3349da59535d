/**
 * OCI image layouts ({@code oci-layout}, {@code index.json}, {@code blobs/<alg>/<hex>}), as a
 * directory or a tar: index → manifest (through nested indexes, one platform chosen) → config →
 * layers in manifest order, every blob checked against its digest. Imports {@code source}, {@code
 * image}, and {@code source.extract} to read a layer again.
 */
package io.layerdive.source.oci;
