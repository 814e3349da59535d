package io.layerdive.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** Reads the JSON wire records; every failure names the file it came from. */
public final class WireJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private WireJson() {}

  /**
   * Parses {@code json} as {@code type}.
   *
   * @param subject names the file in messages, e.g. {@code app.tar: manifest.json}
   */
  public static <T> T read(byte[] json, Class<T> type, String subject) throws ImageReadException {
    try {
      T value = MAPPER.readValue(json, type);
      if (value == null) throw new ImageReadException(subject + ": is empty (JSON null)");
      return value;
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + " column "
                  + e.getLocation().getColumnNr();
      throw new ImageReadException(
          subject + ": is not the expected JSON (" + e.getOriginalMessage() + where + ")", e);
    } catch (IOException e) {
      throw new ImageReadException(subject + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  /** Parses {@code json} as {@code type}, for callers that word their own messages. */
  public static <T> T parse(byte[] json, Class<T> type) throws IOException {
    return MAPPER.readValue(json, type);
  }

  /** True when the bytes start, after white space, like a JSON object or array. */
  static boolean looksLikeJson(byte[] head, int length) {
    for (int i = 0; i < length; i++) {
      byte b = head[i];
      if (b == ' ' || b == '\n' || b == '\r' || b == '\t') continue;
      return b == '{' || b == '[';
    }
    return false;
  }
}
