package io.layerdive.source.daemon;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.ImageReference;
import io.layerdive.source.LoadListener;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** Pulls an image into the daemon, with the user's registry credentials and a progress line. */
final class ImagePull {
  private static final long REPORT_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private final DaemonConnection connection;
  private final CredentialStore credentials;
  private final LongSupplier clock;

  ImagePull(DaemonConnection connection, CredentialStore credentials, LongSupplier clock) {
    this.connection = connection;
    this.credentials = credentials;
    this.clock = clock;
  }

  void pull(ImageReference reference, LoadListener listener) throws ImageReadException {
    DaemonEndpoint endpoint = connection.endpoint();
    String subject =
        "Pulling " + reference.familiar() + " into the " + endpoint.engine().displayName();
    String what = "pulling " + reference.familiar();
    listener.phase(subject);
    DockerClient client = connection.client();
    PullImageCmd cmd =
        client.pullImageCmd(reference.familiarName()).withTag(reference.manifestReference());
    Optional<RegistryCredentials> found = credentials.find(reference.registry());
    found.ifPresent(c -> cmd.withAuthConfig(authConfig(c)));
    Progress progress = new Progress(new PullTally(subject), listener);
    try {
      cmd.exec(progress).awaitCompletion();
    } catch (InterruptedException e) {
      close(progress);
      throw DaemonErrors.cancelled(what);
    } catch (DockerException e) {
      throw failed(reference, endpoint, DaemonErrors.daemonMessage(e), found.isPresent());
    } catch (RuntimeException e) {
      ImageReadException translated = DaemonErrors.translate(e, endpoint, what);
      throw translated;
    }
    if (progress.error != null) {
      throw failed(reference, endpoint, progress.error, found.isPresent());
    }
  }

  private static ImageReadException failed(
      ImageReference reference, DaemonEndpoint endpoint, String daemonMessage, boolean hadCredentials) {
    String hint =
        hadCredentials || !looksLikeAuth(daemonMessage)
            ? ""
            : "; if the registry needs a login: docker login " + reference.registry();
    return new ImageReadException(reference.familiar() + ": not in " + endpoint.describe()
        + ", and pulling it failed: " + daemonMessage + hint);
  }

  private static boolean looksLikeAuth(String message) {
    String m = message.toLowerCase(java.util.Locale.ROOT);
    return m.contains("denied") || m.contains("unauthorized") || m.contains("auth")
        || m.contains("credentials") || m.contains("login");
  }

  private static AuthConfig authConfig(RegistryCredentials c) {
    AuthConfig auth = new AuthConfig().withRegistryAddress(c.serverAddress());
    if (c.identityToken().isPresent()) {
      return auth.withIdentityToken(c.identityToken().get());
    }
    return auth.withUsername(c.username()).withPassword(c.password());
  }

  private static void close(ResultCallback<?> callback) {
    try {
      callback.close();
    } catch (java.io.IOException e) {
      // aborting anyway
    }
  }

  private final class Progress extends ResultCallback.Adapter<PullResponseItem> {
    private final PullTally tally;
    private final LoadListener listener;
    private long lastReport = Long.MIN_VALUE;
    volatile String error;

    Progress(PullTally tally, LoadListener listener) {
      this.tally = tally;
      this.listener = listener;
    }

    @Override
    public void onNext(PullResponseItem item) {
      if (item.getErrorDetail() != null || item.getError() != null) {
        ResponseItem.ErrorDetail detail = item.getErrorDetail();
        error = detail != null && detail.getMessage() != null ? detail.getMessage() : item.getError();
        return;
      }
      ResponseItem.ProgressDetail detail = item.getProgressDetail();
      tally.accept(
          item.getId(),
          item.getStatus(),
          detail == null ? null : detail.getCurrent(),
          detail == null ? null : detail.getTotal());
      long now = clock.getAsLong();
      if (lastReport == Long.MIN_VALUE || now - lastReport >= REPORT_INTERVAL_NANOS) {
        lastReport = now;
        listener.phase(tally.describe());
      }
    }
  }
}
