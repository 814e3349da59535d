package io.layerdive.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/** Writes a double as Go's {@code encoding/json} does; see {@link GoJsonFloat}. */
final class GoFloatSerializer extends StdSerializer<Double> {
  private static final long serialVersionUID = 1L;

  GoFloatSerializer() {
    super(Double.class);
  }

  @Override
  public void serialize(Double value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeNumber(GoJsonFloat.format(value));
  }
}
