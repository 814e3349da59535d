package io.layerdive.source.daemon;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.BuildResponseItem;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.LoadListener;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * Builds an image through the daemon ({@code layerdive build}), so the explorer can open the
 * result: the daemon's own build lines go to the listener as they come, the image id comes back.
 * The daemon's builder is the classic one that its API offers; BuildKit's session protocol is not
 * spoken here.
 */
public final class ImageBuilder {
  private final DaemonEndpoint endpoint;

  public ImageBuilder(DaemonEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** A builder for the daemon this machine's settings name. */
  public static ImageBuilder of(Engine engine) throws ImageReadException {
    return new ImageBuilder(new EndpointResolver(HostEnvironment.current()).resolve(engine));
  }

  /**
   * Runs the build.
   *
   * @param listener receives each line of the daemon's build output as a phase
   * @return the built image's id, {@code sha256:…}
   * @throws ImageReadException when the daemon cannot be reached or the build fails; the message
   *     carries the daemon's words
   */
  public String build(BuildRequest request, LoadListener listener) throws ImageReadException {
    String what = "building " + request.context();
    listener.phase("Building " + request.context() + " with " + endpoint.describe());
    try (DaemonConnection connection = new DaemonConnection(endpoint)) {
      ContextTar context;
      InputStream tar;
      try {
        context = new ContextTar(request);
        tar = context.stream();
      } catch (IOException e) {
        throw new ImageReadException("build context " + request.context() + ": cannot read ("
            + e.getMessage() + ")", e);
      }
      BuildImageCmd cmd =
          connection
              .client()
              .buildImageCmd(tar)
              .withDockerfilePath(context.dockerfileName())
              .withNoCache(request.noCache())
              .withPull(request.pull())
              .withRemove(true)
              // A failed step's container too: nothing of a build stays behind but the image.
              .withForcerm(true);
      if (!request.tags().isEmpty()) {
        cmd.withTags(new LinkedHashSet<>(request.tags()));
      }
      for (Map.Entry<String, String> arg : request.buildArgs().entrySet()) {
        cmd.withBuildArg(arg.getKey(), arg.getValue());
      }
      request.target().ifPresent(cmd::withTarget);
      request.platform().ifPresent(cmd::withPlatform);
      request.network().ifPresent(cmd::withNetworkMode);
      if (!request.labels().isEmpty()) {
        cmd.withLabels(request.labels());
      }
      if (!request.extraHosts().isEmpty()) {
        cmd.withExtraHosts(new LinkedHashSet<>(request.extraHosts()));
      }
      if (!request.cacheFrom().isEmpty()) {
        cmd.withCacheFrom(new LinkedHashSet<>(request.cacheFrom()));
      }
      Lines lines = new Lines(listener);
      try {
        cmd.exec(lines).awaitCompletion();
      } catch (InterruptedException e) {
        connection.close();
        throw DaemonErrors.cancelled(what);
      } catch (DockerException e) {
        throw new ImageReadException("build: " + endpoint.describe() + " refused it: "
            + DaemonErrors.daemonMessage(e), e);
      } catch (RuntimeException e) {
        throw DaemonErrors.translate(e, endpoint, what);
      }
      if (lines.error != null) {
        throw new ImageReadException("build: " + lines.error.trim());
      }
      if (lines.imageId == null) {
        throw new ImageReadException("build: " + endpoint.describe()
            + " finished without naming the image it built");
      }
      if (lines.imageId.matches("(sha256:)?[0-9a-f]{64}")) {
        return lines.imageId.startsWith("sha256:") ? lines.imageId : "sha256:" + lines.imageId;
      }
      // The classic builder names the image by its short id ("Successfully built 1a2b3c4d5e6f"),
      // docker-java does not read the full one from the aux message: ask for it.
      try {
        return connection.client().inspectImageCmd(lines.imageId).exec().getId();
      } catch (RuntimeException e) {
        throw DaemonErrors.translate(e, endpoint, "inspecting the built image " + lines.imageId);
      }
    }
  }

  private static final class Lines extends ResultCallback.Adapter<BuildResponseItem> {
    private final LoadListener listener;
    volatile String imageId;
    volatile String error;

    Lines(LoadListener listener) {
      this.listener = listener;
    }

    @Override
    public void onNext(BuildResponseItem item) {
      if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
        error = item.getErrorDetail().getMessage();
      } else if (item.getError() != null) {
        error = item.getError();
      }
      if (item.getStream() != null) {
        item.getStream().lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(listener::phase);
      }
      String id = item.getImageId();
      if (id != null && !id.isBlank()) {
        imageId = id.trim();
      }
    }
  }
}
