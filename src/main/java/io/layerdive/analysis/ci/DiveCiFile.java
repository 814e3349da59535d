package io.layerdive.analysis.ci;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * dive's {@code .dive-ci} file:
 *
 * <pre>
 * rules:
 *   lowestEfficiency: 0.95
 *   highestWastedBytes: 20MB
 *   highestUserWastedPercent: 0.20
 * </pre>
 *
 * <p>Keys it lacks keep dive's defaults; other keys (dive's {@code plugins}, unknown rules) are
 * ignored. Values are kept as written ({@code 0.20}, not 0.2), since dive prints them back; an
 * empty or null value disables the rule. {@code highestReclaimableBytes} is read too.
 */
public final class DiveCiFile {
  private static final YAMLFactory YAML = new YAMLFactory();

  private DiveCiFile() {}

  /** Reads the file at {@code path}; errors name the file. */
  public static CiConfig read(Path path) {
    String text;
    try {
      text = Files.readString(path);
    } catch (IOException e) {
      throw new CiConfigException(
          path + ": cannot read the CI config file (" + e.getMessage() + ")", e);
    }
    return parse(text, path.toString());
  }

  /**
   * Reads the text of a {@code .dive-ci} file.
   *
   * @param source how to name the file in messages
   */
  public static CiConfig parse(String yaml, String source) {
    try (JsonParser parser = YAML.createParser(yaml)) {
      CiConfig config = CiConfig.defaults();
      JsonToken root = parser.nextToken();
      if (root == null || root == JsonToken.VALUE_NULL) {
        return config;
      }
      if (root != JsonToken.START_OBJECT) {
        throw new CiConfigException(
            source
                + ": expected a mapping with a \"rules:\" key, found \""
                + parser.getText()
                + "\"");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        JsonToken value = parser.nextToken();
        if (key.equals("rules")) {
          config = readRules(parser, value, config, source);
        } else {
          parser.skipChildren();
        }
      }
      return config;
    } catch (JsonProcessingException e) {
      throw new CiConfigException(source + ": not valid YAML (" + e.getOriginalMessage() + ")", e);
    } catch (IOException e) {
      throw new CiConfigException(source + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  private static CiConfig readRules(
      JsonParser parser, JsonToken value, CiConfig config, String source) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return config;
    }
    if (value != JsonToken.START_OBJECT) {
      throw new CiConfigException(source + ": \"rules\" must be a mapping of rule names to values");
    }
    Set<String> seen = new HashSet<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String rule = parser.currentName();
      JsonToken token = parser.nextToken();
      if (!isRule(rule)) {
        parser.skipChildren();
        continue;
      }
      if (!seen.add(rule)) {
        throw new CiConfigException(source + ": rules." + rule + " is given twice");
      }
      if (token.isStructStart()) {
        throw new CiConfigException(
            source + ": rules." + rule + " must be a single value, such as 0.9 or 20MB");
      }
      String text = token == JsonToken.VALUE_NULL ? "" : parser.getText();
      config = with(config, rule, text);
    }
    return config;
  }

  private static boolean isRule(String key) {
    return key.equals(CiRule.LOWEST_EFFICIENCY)
        || key.equals(CiRule.HIGHEST_WASTED_BYTES)
        || key.equals(CiRule.HIGHEST_USER_WASTED_PERCENT)
        || key.equals(CiRule.HIGHEST_RECLAIMABLE_BYTES);
  }

  private static CiConfig with(CiConfig config, String rule, String value) {
    return switch (rule) {
      case CiRule.LOWEST_EFFICIENCY -> config.withLowestEfficiency(value);
      case CiRule.HIGHEST_WASTED_BYTES -> config.withHighestWastedBytes(value);
      case CiRule.HIGHEST_USER_WASTED_PERCENT -> config.withHighestUserWastedPercent(value);
      case CiRule.HIGHEST_RECLAIMABLE_BYTES -> config.withHighestReclaimableBytes(value);
      default -> throw new IllegalArgumentException("not a rule: " + rule);
    };
  }
}
