package io.layerdive.source.registry;

import io.layerdive.source.PlatformJson;
import java.util.List;

/** A content descriptor as manifests and indexes carry it: what a blob or manifest is and where. */
record DescriptorJson(
    String mediaType, String digest, long size, PlatformJson platform, List<String> urls) {
  DescriptorJson {
    mediaType = mediaType == null ? "" : mediaType;
    urls = urls == null ? List.of() : List.copyOf(urls);
  }
}
