/**
 * Getting an image: the {@link io.layerdive.source.ImageSource} port, source specifications, the
 * streaming layer-tar reader and the JSON wire records of manifests and configs. Imports {@code
 * image}, commons-compress, aircompressor and Jackson; the sub-packages each add one way of
 * getting an image.
 */
package io.layerdive.source;
