package io.layerdive.cli;

import io.layerdive.ui.ImageLoader;

/**
 * The interactive explorer, started when stdout is a terminal and neither {@code --json} nor CI
 * mode is asked for. It shows progress while {@code loader} runs, then the image, until the user
 * quits.
 */
interface Explorer {

  /**
   * @throws Exception what {@code loader} threw, once the terminal is restored; {@link
   *     OutputException} when the terminal cannot be used
   */
  void explore(ImageLoader loader, Settings settings) throws Exception;

  /**
   * @param imageName what the user asked for, shown while loading
   * @param color false under {@code --no-color} or {@code NO_COLOR}
   */
  record Settings(String imageName, boolean color) {}
}
