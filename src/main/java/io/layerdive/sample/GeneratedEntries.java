package io.layerdive.sample;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An immutable entry list computed on demand from its index, for layers too large to hold: each
 * {@link #get} builds the entry afresh, so a layer of a million files costs no memory.
 */
abstract class GeneratedEntries extends AbstractList<SampleEntry> implements RandomAccess {}
