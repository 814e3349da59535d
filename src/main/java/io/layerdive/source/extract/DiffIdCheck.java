package io.layerdive.source.extract;

import io.layerdive.image.Digest;
import io.layerdive.image.Layer;
import io.layerdive.source.ImageReadException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks a layer's bytes against its diff id as they stream by, at no extra cost: a reader that
 * reads the layer to its end (an extraction) learns at the end whether it got the layer the image
 * names. A reader that stops early (the viewer) is not checked: that would cost the rest.
 */
public final class DiffIdCheck implements LayerOpener {
  private final LayerOpener opener;

  public DiffIdCheck(LayerOpener opener) {
    this.opener = opener;
  }

  @Override
  public InputStream openLayer(Layer layer) throws IOException, ImageReadException {
    InputStream in = opener.openLayer(layer);
    if (!layer.diffId().algorithm().equals("sha256")) return in;
    return new Checked(in, layer);
  }

  /** The bytes of a layer are not those its diff id names. */
  public static final class MismatchException extends IOException {
    private static final long serialVersionUID = 1L;

    MismatchException(String message) {
      super(message);
    }
  }

  private static final class Checked extends FilterInputStream {
    private final Layer layer;
    private final MessageDigest sha256;
    private boolean checked;

    Checked(InputStream in, Layer layer) {
      super(in);
      this.layer = layer;
      try {
        this.sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JDK lacks SHA-256", e);
      }
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b < 0) check();
      else sha256.update((byte) b);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n < 0) check();
      else sha256.update(b, off, n);
      return n;
    }

    /** Skipped bytes are read, so that they are hashed too. */
    @Override
    public long skip(long n) throws IOException {
      byte[] buf = new byte[(int) Math.min(64 * 1024, Math.max(1, n))];
      long left = n;
      while (left > 0) {
        int r = read(buf, 0, (int) Math.min(buf.length, left));
        if (r < 0) break;
        left -= r;
      }
      return n - left;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    private void check() throws MismatchException {
      if (checked) return;
      checked = true;
      Digest read = Digest.sha256(sha256.digest());
      if (!read.equals(layer.diffId())) {
        throw new MismatchException(
            "layer "
                + layer.index()
                + " read from the source is not the"
                + " layer the image names: its diff_id is "
                + layer.diffId().shortHex(12)
                + " but the bytes give "
                + read.shortHex(12)
                + "; the image changed since it was"
                + " opened: open it again");
      }
    }
  }
}
