package io.layerdive.tree;

import io.layerdive.image.Digest;
import java.util.List;
import java.util.Optional;

/**
 * Where the frozen files of images opened before are kept, by their layers' diff_ids in order: the
 * files of an image follow from its layers alone. A store that cannot trust what it holds answers
 * empty.
 */
public interface FrozenImages {
  FrozenImages NONE =
      new FrozenImages() {
        @Override
        public Optional<ImageFiles> find(List<Digest> diffIds) {
          return Optional.empty();
        }

        @Override
        public void keep(List<Digest> diffIds, ImageFiles files) {}
      };

  Optional<ImageFiles> find(List<Digest> diffIds);

  void keep(List<Digest> diffIds, ImageFiles files);
}
