package io.layerdive.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code layerdive [OPTIONS] build [DOCKER BUILD ARGUMENTS] CONTEXT}: builds an image through the
 * Docker daemon, then opens it as {@code layerdive [OPTIONS] IMAGE} would. Everything after {@code
 * build} belongs to {@code docker build}, so layerdive's own options go before it.
 */
@Command(
    name = "build",
    usageHelpWidth = 100,
    description = {
      "Build an image with the Docker daemon (as docker build does), then open it.",
      "layerdive's options go before 'build': layerdive --json - build -t app .",
      ""
    })
final class BuildCommand implements Callable<Integer> {

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Parameters(
      paramLabel = "DOCKER-BUILD-ARGS",
      description =
          "docker build's arguments: -t, -f, --build-arg, --target, --label, --platform,"
              + " --network, --add-host, --cache-from, --no-cache, --pull, then the context"
              + " directory.")
  List<String> args = new ArrayList<>();

  @Spec CommandSpec spec;

  private final LayerdiveCommand parent;

  BuildCommand(LayerdiveCommand parent) {
    this.parent = parent;
  }

  @Override
  public Integer call() throws Exception {
    return parent.build(args, spec.parent().optionsMap().keySet());
  }
}
