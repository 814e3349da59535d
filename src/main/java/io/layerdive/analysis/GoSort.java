package io.layerdive.analysis;

import java.util.List;
import java.util.function.BiPredicate;

/**
 * Go's {@code sort.Sort} (Go 1.19 and later): pattern-defeating quicksort with insertion sort for
 * runs of at most 12, a deterministic xorshift to break patterns, and heapsort when pivots keep
 * going bad.
 *
 * <p>dive orders its inefficiency list with {@code sort.Sort}, which is not stable: for more than
 * twelve entries, entries with equal sizes come out in an order only this exact sequence of
 * comparisons and swaps reproduces. For twelve or fewer it is a stable insertion sort.
 */
public final class GoSort {
  private static final int MAX_INSERTION = 12;
  private static final int SHORTEST_NINTHER = 50;
  private static final int MAX_SWAPS = 4 * 3;
  private static final int PARTIAL_MAX_STEPS = 5;
  private static final int SHORTEST_SHIFTING = 50;

  private enum Hint {
    UNKNOWN,
    INCREASING,
    DECREASING
  }

  private GoSort() {}

  /**
   * Sorts {@code list} in place, ascending by {@code less}, in exactly the order Go's {@code
   * sort.Sort} leaves a slice in.
   *
   * @param list a modifiable list
   * @param less {@code less.test(a, b)}: a sorts before b; must be a strict weak order
   */
  public static <T> void sort(List<T> list, BiPredicate<? super T, ? super T> less) {
    @SuppressWarnings("unchecked")
    T[] items = (T[]) list.toArray();
    new Run<T>(items, less).sort();
    for (int i = 0; i < items.length; i++) {
      list.set(i, items[i]);
    }
  }

  /** One sort over an array, addressed by index as Go's {@code sort.Interface} is. */
  static final class Run<T> {
    private final T[] data;
    private final BiPredicate<? super T, ? super T> lessThan;

    /** choosePivot's count of out-of-order samples (Go passes a pointer). */
    private int swaps;

    /** partition's second result: whether the range was already partitioned. */
    private boolean alreadyPartitioned;

    Run(T[] data, BiPredicate<? super T, ? super T> lessThan) {
      this.data = data;
      this.lessThan = lessThan;
    }

    void sort() {
      int n = data.length;
      if (n <= 1) {
        return;
      }
      int limit = 32 - Integer.numberOfLeadingZeros(n); // Go's bits.Len
      pdqsort(0, n, limit);
    }

    private boolean less(int i, int j) {
      return lessThan.test(data[i], data[j]);
    }

    private void swap(int i, int j) {
      T t = data[i];
      data[i] = data[j];
      data[j] = t;
    }

    void insertionSort(int a, int b) {
      for (int i = a + 1; i < b; i++) {
        for (int j = i; j > a && less(j, j - 1); j--) {
          swap(j, j - 1);
        }
      }
    }

    /** Restores the max-heap below {@code root}; the heap occupies data[first, first + hi). */
    private void siftDown(int root, int hi, int first) {
      while (true) {
        int child = 2 * root + 1;
        if (child >= hi) {
          return;
        }
        if (child + 1 < hi && less(first + child, first + child + 1)) {
          child++;
        }
        if (!less(first + root, first + child)) {
          return;
        }
        swap(first + root, first + child);
        root = child;
      }
    }

    void heapSort(int a, int b) {
      int first = a;
      int hi = b - a;
      for (int i = (hi - 1) / 2; i >= 0; i--) {
        siftDown(i, hi, first);
      }
      for (int i = hi - 1; i >= 0; i--) {
        swap(first, first + i);
        siftDown(0, i, first);
      }
    }

    private void pdqsort(int a, int b, int limit) {
      boolean wasBalanced = true;
      boolean wasPartitioned = true;
      while (true) {
        int length = b - a;
        if (length <= MAX_INSERTION) {
          insertionSort(a, b);
          return;
        }
        if (limit == 0) {
          heapSort(a, b);
          return;
        }
        if (!wasBalanced) {
          breakPatterns(a, b);
          limit--;
        }

        swaps = 0;
        int pivot = choosePivot(a, b);
        Hint hint = hintFromSwaps();
        if (hint == Hint.DECREASING) {
          reverseRange(a, b);
          // The pivot sat pivot - a after the start; after reversing it sits as far before the end.
          pivot = (b - 1) - (pivot - a);
          hint = Hint.INCREASING;
        }

        if (wasBalanced
            && wasPartitioned
            && hint == Hint.INCREASING
            && partialInsertionSort(a, b)) {
          return;
        }

        // Nothing in [a, b) is below the element just before it: many duplicates of the pivot.
        if (a > 0 && !less(a - 1, pivot)) {
          a = partitionEqual(a, b, pivot);
          continue;
        }

        int mid = partition(a, b, pivot);
        wasPartitioned = alreadyPartitioned;

        int leftLen = mid - a;
        int rightLen = b - mid;
        int balanceThreshold = length / 8;
        if (leftLen < rightLen) {
          wasBalanced = leftLen >= balanceThreshold;
          pdqsort(a, mid, limit);
          a = mid + 1;
        } else {
          wasBalanced = rightLen >= balanceThreshold;
          pdqsort(mid + 1, b, limit);
          b = mid;
        }
      }
    }

    /**
     * Moves data[pivot] to its final place p, smaller elements before it and the rest after;
     * returns p and records whether nothing had to move.
     */
    private int partition(int a, int b, int pivot) {
      swap(a, pivot);
      int i = a + 1;
      int j = b - 1;
      while (i <= j && less(i, a)) {
        i++;
      }
      while (i <= j && !less(j, a)) {
        j--;
      }
      if (i > j) {
        swap(j, a);
        alreadyPartitioned = true;
        return j;
      }
      swap(i, j);
      i++;
      j--;
      while (true) {
        while (i <= j && less(i, a)) {
          i++;
        }
        while (i <= j && !less(j, a)) {
          j--;
        }
        if (i > j) {
          break;
        }
        swap(i, j);
        i++;
        j--;
      }
      swap(j, a);
      alreadyPartitioned = false;
      return j;
    }

    /** Splits [a, b), which holds nothing below data[pivot], into equal-to and greater-than. */
    private int partitionEqual(int a, int b, int pivot) {
      swap(a, pivot);
      int i = a + 1;
      int j = b - 1;
      while (true) {
        while (i <= j && !less(a, i)) {
          i++;
        }
        while (i <= j && less(a, j)) {
          j--;
        }
        if (i > j) {
          break;
        }
        swap(i, j);
        i++;
        j--;
      }
      return i;
    }

    /** Fixes up to five adjacent inversions; true when [a, b) ends up sorted. */
    private boolean partialInsertionSort(int a, int b) {
      int i = a + 1;
      for (int step = 0; step < PARTIAL_MAX_STEPS; step++) {
        while (i < b && !less(i, i - 1)) {
          i++;
        }
        if (i == b) {
          return true;
        }
        if (b - a < SHORTEST_SHIFTING) {
          return false;
        }
        swap(i, i - 1);
        // Go shifts the smaller element left down to index 1, not down to a + 1; kept as is.
        if (i - a >= 2) {
          for (int j = i - 1; j >= 1; j--) {
            if (!less(j, j - 1)) {
              break;
            }
            swap(j, j - 1);
          }
        }
        if (b - i >= 2) {
          for (int j = i + 1; j < b; j++) {
            if (!less(j, j - 1)) {
              break;
            }
            swap(j, j - 1);
          }
        }
      }
      return false;
    }

    /** Swaps three elements around the middle with pseudo-random partners, the same every run. */
    private void breakPatterns(int a, int b) {
      int length = b - a;
      if (length < 8) {
        return;
      }
      long random = length; // Go's xorshift state, seeded with the length
      long modulus = Long.highestOneBit(length) << 1; // Go's nextPowerOfTwo: 1 << bits.Len
      for (int idx = a + (length / 4) * 2 - 1; idx <= a + (length / 4) * 2 + 1; idx++) {
        random ^= random << 13;
        random ^= random >>> 17;
        random ^= random << 5;
        int other = (int) (random & (modulus - 1));
        if (other >= length) {
          other -= length;
        }
        swap(idx, a + other);
      }
    }

    /** The index of the pivot; counts in {@link #swaps} how often the samples were out of order. */
    private int choosePivot(int a, int b) {
      int l = b - a;
      int i = a + l / 4;
      int j = a + l / 4 * 2;
      int k = a + l / 4 * 3;
      if (l >= 8) {
        if (l >= SHORTEST_NINTHER) {
          i = medianAdjacent(i);
          j = medianAdjacent(j);
          k = medianAdjacent(k);
        }
        j = median(i, j, k);
      }
      return j;
    }

    private Hint hintFromSwaps() {
      if (swaps == 0) {
        return Hint.INCREASING;
      }
      return swaps == MAX_SWAPS ? Hint.DECREASING : Hint.UNKNOWN;
    }

    /** The index among a, b, c whose element is the median; counts the out-of-order pairs. */
    private int median(int a, int b, int c) {
      if (less(b, a)) {
        swaps++;
        int t = a;
        a = b;
        b = t;
      }
      if (less(c, b)) {
        swaps++;
        int t = b;
        b = c;
        c = t;
      }
      if (less(b, a)) {
        swaps++;
        int t = a;
        a = b;
        b = t;
      }
      return b;
    }

    private int medianAdjacent(int a) {
      return median(a - 1, a, a + 1);
    }

    private void reverseRange(int a, int b) {
      for (int i = a, j = b - 1; i < j; i++, j--) {
        swap(i, j);
      }
    }
  }
}
