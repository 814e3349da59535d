package io.layerdive.source.daemon;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.layerdive.source.ImageReadException;
import java.io.IOException;
import java.time.Duration;

/**
 * One client for one daemon, made on first use: docker-java's classes take a few hundred
 * milliseconds to load, which a start on an archive should never pay.
 *
 * <p>No API version is set: docker-java then sends unversioned requests, which every daemon answers
 * with its own version, whereas a pinned version is refused as too new or too old by one daemon or
 * another.
 */
final class DaemonConnection implements AutoCloseable {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final DaemonEndpoint endpoint;
  private DockerClient client;

  DaemonConnection(DaemonEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  DaemonEndpoint endpoint() {
    return endpoint;
  }

  synchronized DockerClient client() throws ImageReadException {
    if (client == null) {
      DaemonErrors.checkSocket(endpoint);
      // A bare builder, not createDefaultConfigBuilder(): the endpoint is already resolved, and the
      // defaults would read DOCKER_* variables a second time and could disagree.
      DefaultDockerClientConfig.Builder config =
          new DefaultDockerClientConfig.Builder().withDockerHost(endpoint.host().toString());
      endpoint
          .tlsDirectory()
          .ifPresent(dir -> config.withDockerTlsVerify(true).withDockerCertPath(dir.toString()));
      DefaultDockerClientConfig built = config.build();
      DockerHttpClient http =
          new ZerodepDockerHttpClient.Builder()
              .dockerHost(built.getDockerHost())
              .sslConfig(built.getSSLConfig())
              .connectionTimeout(CONNECT_TIMEOUT)
              .build();
      client = DockerClientImpl.getInstance(built, http);
    }
    return client;
  }

  /** Aborts whatever is in flight: closing the client closes its sockets. */
  @Override
  public synchronized void close() {
    if (client != null) {
      try {
        client.close();
      } catch (IOException | RuntimeException e) {
        // closing on the way out; nothing left to tell
      }
    }
  }
}
