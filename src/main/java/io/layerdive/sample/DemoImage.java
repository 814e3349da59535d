package io.layerdive.sample;

import static io.layerdive.sample.SampleEntry.dir;
import static io.layerdive.sample.SampleEntry.file;
import static io.layerdive.sample.SampleEntry.whiteout;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The image {@code --demo} shows, so the program runs with no Docker at all. It is modelled on a
 * real 1.48 GB React frontend image, scaled down about thirty-fold (47 MB of files in 9 layer tars,
 * some 7,700 entries) with the waste in the same places:
 *
 * <ul>
 *   <li>{@code apk update} leaves the package index in {@code /var/cache/apk};
 *   <li>{@code COPY . .} brings a {@code .git} along and overwrites the {@code package.json} and
 *       lock file copied just before;
 *   <li>{@code npm ci} fills {@code /root/.npm/_cacache}, which a later {@code rm -rf /root/.npm}
 *       hides but cannot take out of the image;
 *   <li>{@code chmod +x} copies a file to change one bit;
 *   <li>{@code chown -R node:node /app} copies the whole application, {@code node_modules}
 *       included: the largest waste by far, as in the real image.
 * </ul>
 */
public final class DemoImage {
  /** The name the demo image carries. */
  public static final String NAME = "layerdive/demo-storefront:latest";

  private static final int NODE_UID = 1000;
  private static final SampleImage DEMO = build();

  private DemoImage() {}

  /** The demo image's description; built once, immutable. */
  public static SampleImage demo() {
    return DEMO;
  }

  /** The layout {@link #openArchive()} writes: {@code docker save} of Docker 24 and older. */
  public static Layout layout() {
    return Layout.DOCKER_LEGACY;
  }

  /**
   * The demo image as a {@code docker save} archive, generated on a background thread while it is
   * read, so that nothing is written to disk and only a small buffer is held. A failure to generate
   * surfaces as an {@link IOException} from {@code read}. Closing early stops the thread.
   */
  public static InputStream openArchive() throws IOException {
    PipedInputStream in = new PipedInputStream(1 << 20);
    PipedOutputStream pipe = new PipedOutputStream(in);
    Throwable[] failure = new Throwable[1];
    Thread writer =
        new Thread(
            () -> {
              OutputStream out = new BufferedOutputStream(new Notifying(pipe), 1 << 16);
              try {
                ArchiveWriter.of(layout()).write(DEMO, out);
                out.flush();
              } catch (Throwable t) {
                // Recorded before the pipe closes, so the reader sees the failure, not an end.
                synchronized (failure) {
                  failure[0] = t;
                }
              } finally {
                try {
                  pipe.close();
                } catch (IOException ignored) {
                  // the reader has gone
                }
              }
            },
            "layerdive-demo-archive");
    writer.setDaemon(true);
    writer.start();
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b < 0) checkFailure();
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n < 0) checkFailure();
        return n;
      }

      private void checkFailure() throws IOException {
        synchronized (failure) {
          if (failure[0] != null) {
            throw new IOException("demo image: could not be generated: " + failure[0], failure[0]);
          }
        }
      }
    };
  }

  private static SampleImage build() {
    List<SampleEntry> manifests = DemoApp.manifests();
    List<SampleEntry> sources = DemoApp.sources();
    List<SampleEntry> output = new ArrayList<>(DemoNpm.nodeModules("app/node_modules"));
    output.addAll(DemoApp.dist());
    List<SampleEntry> build = new ArrayList<>(output);
    build.addAll(DemoNpm.npmCache());
    SampleEntry server = DemoApp.server().executable();
    List<SampleLayer> layers =
        List.of(
            DemoAlpine.base(),
            SampleLayer.nop("CMD [\"/bin/sh\"]"),
            DemoAlpine.nodeAndNpm(),
            SampleLayer.run(
                "addgroup -g 1000 node && adduser -u 1000 -G node -s /bin/sh -D node",
                file("etc/passwd", 1_214, Seeds.of("passwd-2")),
                file("etc/group", 709, Seeds.of("group-2")),
                file("etc/shadow", 471, Seeds.of("shadow-2")).withMode(0640),
                dir("home/node").withOwner(NODE_UID, NODE_UID)),
            SampleLayer.nop("WORKDIR /app"),
            SampleLayer.copy(
                "multi:3e1f0c9b27d84a5f6e0d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a6f7e8d9c0b1a2f in ./ ",
                manifests),
            SampleLayer.copy(
                "dir:8b0e6d4c2a1f3e5d7c9b0a2f4e6d8c1b3a5f7e9d0c2b4a6f8e1d3c5b7a9f0e2d in . ",
                sources),
            SampleLayer.run("npm ci && npm run build", build),
            SampleLayer.run("rm -rf /root/.npm", whiteout("root/.npm")),
            SampleLayer.run("chmod +x /app/dist/server.js", server),
            SampleLayer.run(
                "chown -R node:node /app",
                chowned(List.of(manifests, sources, output, List.of(server)))),
            SampleLayer.nop("ENV NODE_ENV=production"),
            SampleLayer.nop("EXPOSE map[3000/tcp:{}]"),
            SampleLayer.nop("USER node"),
            SampleLayer.nop("CMD [\"node\" \"dist/server.js\"]"));
    return SampleImage.of(NAME, layers);
  }

  /** Every {@code /app} file and directory as the layers leave it, owned by the node user. */
  private static List<SampleEntry> chowned(List<List<SampleEntry>> layers) {
    Map<String, SampleEntry> latest = new LinkedHashMap<>();
    TreeSet<String> dirs = new TreeSet<>();
    dirs.add("app");
    for (List<SampleEntry> layer : layers) {
      for (SampleEntry e : layer) {
        if (!e.path().startsWith("app/")) continue;
        latest.put(e.path(), e);
        for (int slash = e.path().indexOf('/');
            slash > 0;
            slash = e.path().indexOf('/', slash + 1)) {
          dirs.add(e.path().substring(0, slash));
        }
      }
    }
    List<SampleEntry> entries = new ArrayList<>();
    for (String d : dirs) entries.add(dir(d).withOwner(NODE_UID, NODE_UID));
    for (SampleEntry e : latest.values()) entries.add(e.withOwner(NODE_UID, NODE_UID));
    return entries;
  }

  /** Wakes the reader after every write: a pipe otherwise lets it sleep up to a second. */
  private static final class Notifying extends OutputStream {
    private final PipedOutputStream pipe;

    Notifying(PipedOutputStream pipe) {
      this.pipe = pipe;
    }

    @Override
    public void write(int b) throws IOException {
      pipe.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      pipe.write(b, off, len);
      pipe.flush();
    }

    @Override
    public void close() throws IOException {
      pipe.close();
    }
  }
}
