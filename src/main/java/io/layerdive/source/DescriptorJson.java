package io.layerdive.source;

import java.util.List;
import java.util.Map;

/** An OCI content descriptor: what a manifest or index points at. */
public record DescriptorJson(
    String mediaType,
    String digest,
    long size,
    PlatformJson platform,
    Map<String, String> annotations,
    List<String> urls) {
  public DescriptorJson {
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    urls = urls == null ? List.of() : List.copyOf(urls);
  }

  public String annotation(String key) {
    return annotations.get(key);
  }
}
