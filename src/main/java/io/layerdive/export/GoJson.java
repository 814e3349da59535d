package io.layerdive.export;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes report records byte for byte as Go's {@code json.MarshalIndent(v, "", " ")} would: same
 * layout, same string escapes, same numbers. No newline at the end, as dive writes its file.
 */
public final class GoJson {
  private static final ObjectWriter WRITER =
      JsonMapper.builder(
              new JsonFactoryBuilder()
                  .characterEscapes(new GoJsonEscapes())
                  .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                  .build())
          .build()
          .writer(new GoIndentPrinter());

  private GoJson() {}

  /** Writes {@code report} to {@code out}, which stays open. */
  public static void write(Object report, OutputStream out) throws IOException {
    WRITER.writeValue(out, report);
  }

  public static String toString(Object report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(report, out);
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
