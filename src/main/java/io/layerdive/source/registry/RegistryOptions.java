package io.layerdive.source.registry;

import io.layerdive.source.Platform;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How to talk to registries: the command line's registry options and the environment they are read
 * in. Start from {@link #fromEnvironment} and apply the flags with the {@code with…} methods.
 *
 * @param platform {@code --platform}; empty means this machine's ({@link Platform#current()})
 * @param insecureRegistries {@code --insecure-registry} hosts ({@code host} or {@code host:port}):
 *     only these may be reached over plain HTTP or with an unchecked certificate. HTTPS is tried
 *     first, as docker does; written {@code http://host:port}, the host is spoken to in plain HTTP
 *     straight away
 * @param caFile {@code --registry-ca}: PEM CA certificates trusted besides the JDK's
 * @param sslCertFile {@code SSL_CERT_FILE}: likewise, from the environment
 * @param dockerConfig the Docker client config holding credentials ({@code
 *     $DOCKER_CONFIG/config.json} or {@code ~/.docker/config.json}); a missing file means no
 *     credentials
 * @param environment the variables credential helpers run with; their {@code PATH} finds them
 * @param parallelDownloads layer blobs downloaded at once
 * @param connectTimeout to open a connection
 * @param responseTimeout from a request to its response headers
 * @param stallTimeout longest wait for the next byte of a blob before the connection is given up
 *     (and the download resumed, if resumes are left)
 * @param retry for 429, 500, 502, 503, 504 and broken connections
 * @param blobResumes how often one blob download may resume after a broken connection
 */
public record RegistryOptions(
    Optional<Platform> platform,
    Set<String> insecureRegistries,
    Optional<Path> caFile,
    Optional<Path> sslCertFile,
    Path dockerConfig,
    Map<String, String> environment,
    int parallelDownloads,
    Duration connectTimeout,
    Duration responseTimeout,
    Duration stallTimeout,
    RetryPolicy retry,
    int blobResumes) {

  public static final int DEFAULT_PARALLEL_DOWNLOADS = 3;

  public RegistryOptions {
    Set<String> hosts = new LinkedHashSet<>();
    for (String h : insecureRegistries) hosts.add(normaliseHost(h));
    insecureRegistries = Set.copyOf(hosts);
    environment = Map.copyOf(environment);
    if (parallelDownloads < 1) {
      throw new IllegalArgumentException(
          "parallel downloads: at least 1, not " + parallelDownloads);
    }
    if (blobResumes < 0) {
      throw new IllegalArgumentException("blob resumes: not negative, not " + blobResumes);
    }
  }

  /**
   * Defaults for this environment: credentials from {@code $DOCKER_CONFIG/config.json} or {@code
   * ~/.docker/config.json} ({@code HOME}, else {@code user.home}), extra CAs from {@code
   * SSL_CERT_FILE}, three downloads at a time.
   */
  public static RegistryOptions fromEnvironment(Map<String, String> environment) {
    String dockerConfigDir = environment.get("DOCKER_CONFIG");
    Path config;
    if (dockerConfigDir != null && !dockerConfigDir.isBlank()) {
      config = Path.of(dockerConfigDir, "config.json");
    } else {
      String home = environment.getOrDefault("HOME", System.getProperty("user.home", "."));
      config = Path.of(home, ".docker", "config.json");
    }
    String sslCertFile = environment.get("SSL_CERT_FILE");
    return new RegistryOptions(
        Optional.empty(),
        Set.of(),
        Optional.empty(),
        sslCertFile == null || sslCertFile.isBlank()
            ? Optional.empty()
            : Optional.of(Path.of(sslCertFile)),
        config,
        environment,
        DEFAULT_PARALLEL_DOWNLOADS,
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        Duration.ofSeconds(60),
        RetryPolicy.DEFAULT,
        3);
  }

  public RegistryOptions withPlatform(Platform p) {
    return new RegistryOptions(
        Optional.of(p),
        insecureRegistries,
        caFile,
        sslCertFile,
        dockerConfig,
        environment,
        parallelDownloads,
        connectTimeout,
        responseTimeout,
        stallTimeout,
        retry,
        blobResumes);
  }

  public RegistryOptions withInsecureRegistries(Collection<String> hosts) {
    return new RegistryOptions(
        platform,
        Set.copyOf(hosts),
        caFile,
        sslCertFile,
        dockerConfig,
        environment,
        parallelDownloads,
        connectTimeout,
        responseTimeout,
        stallTimeout,
        retry,
        blobResumes);
  }

  public RegistryOptions withCaFile(Path file) {
    return new RegistryOptions(
        platform,
        insecureRegistries,
        Optional.of(file),
        sslCertFile,
        dockerConfig,
        environment,
        parallelDownloads,
        connectTimeout,
        responseTimeout,
        stallTimeout,
        retry,
        blobResumes);
  }

  public RegistryOptions withDockerConfig(Path file) {
    return new RegistryOptions(
        platform,
        insecureRegistries,
        caFile,
        sslCertFile,
        file,
        environment,
        parallelDownloads,
        connectTimeout,
        responseTimeout,
        stallTimeout,
        retry,
        blobResumes);
  }

  public RegistryOptions withParallelDownloads(int n) {
    return new RegistryOptions(
        platform,
        insecureRegistries,
        caFile,
        sslCertFile,
        dockerConfig,
        environment,
        n,
        connectTimeout,
        responseTimeout,
        stallTimeout,
        retry,
        blobResumes);
  }

  public RegistryOptions withTimeouts(Duration connect, Duration response, Duration stall) {
    return new RegistryOptions(
        platform,
        insecureRegistries,
        caFile,
        sslCertFile,
        dockerConfig,
        environment,
        parallelDownloads,
        connect,
        response,
        stall,
        retry,
        blobResumes);
  }

  public RegistryOptions withRetry(RetryPolicy policy, int resumes) {
    return new RegistryOptions(
        platform,
        insecureRegistries,
        caFile,
        sslCertFile,
        dockerConfig,
        environment,
        parallelDownloads,
        connectTimeout,
        responseTimeout,
        stallTimeout,
        policy,
        resumes);
  }

  /**
   * Whether {@code --insecure-registry} named this host: as {@code host:port}, or as {@code host}.
   */
  boolean isInsecure(String hostAndPort) {
    return named(hostAndPort, "") || named(hostAndPort, HTTP) || named(hostAndPort, HTTPS);
  }

  /** Whether {@code --insecure-registry http://…} named this host: plain HTTP without a TLS try. */
  boolean isPlainHttp(String hostAndPort) {
    return named(hostAndPort, HTTP);
  }

  private static final String HTTP = "http://";
  private static final String HTTPS = "https://";

  private boolean named(String hostAndPort, String scheme) {
    String h = hostAndPort.trim().toLowerCase(Locale.ROOT);
    if (insecureRegistries.contains(scheme + h)) return true;
    int colon = h.lastIndexOf(':');
    return colon > 0
        && !h.endsWith("]")
        && insecureRegistries.contains(scheme + h.substring(0, colon));
  }

  private static String normaliseHost(String host) {
    String h = host.trim().toLowerCase(Locale.ROOT);
    while (h.endsWith("/")) h = h.substring(0, h.length() - 1);
    return h;
  }
}
