package io.layerdive.ui;

/**
 * Loads and analyses the image the explorer opens on; run on a background thread while the
 * progress view is up. Its exceptions carry messages ready for the user.
 */
@FunctionalInterface
public interface ImageLoader {
  AnalyzedImage load(LoadProgress progress) throws Exception;
}
