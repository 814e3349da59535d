/**
 * File trees: every path of an image in one trie numbered in pre-order, each layer's entries packed
 * into arrays, and the stacked and compared trees of dive's two compare modes computed lazily as
 * flat arrays. Imports {@code image} only.
 *
 * <p>Why arrays instead of node objects: a compared tree of a million files is a few flat arrays
 * (about 17 bytes a node) and is derived from its neighbour with a copy and the changes of one
 * layer, so trees can be computed on selection and cached within a bound.
 */
package io.layerdive.tree;
