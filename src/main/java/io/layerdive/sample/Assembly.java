package io.layerdive.sample;

import java.util.List;

/**
 * The entries of one archive and what they describe.
 *
 * @param sortByName write the entries in walk order of their names, as docker's tar of a temporary
 *     directory comes out; otherwise in the order given, as tools that stream come out
 */
record Assembly(List<ArchiveItem> items, boolean sortByName, List<WrittenImage> images) {}
