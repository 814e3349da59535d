package io.layerdive.analysis;

import java.util.List;
import java.util.function.BiPredicate;

/** Placeholder until the faithful port lands: Go's insertion sort, exact for up to 12 items. */
final class GoSort {
  private GoSort() {}

  static <T> void sort(List<T> list, BiPredicate<T, T> less) {
    for (int i = 1; i < list.size(); i++) {
      for (int j = i; j > 0 && less.test(list.get(j), list.get(j - 1)); j--) {
        T t = list.get(j);
        list.set(j, list.get(j - 1));
        list.set(j - 1, t);
      }
    }
  }
}
