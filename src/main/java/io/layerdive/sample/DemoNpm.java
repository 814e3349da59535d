package io.layerdive.sample;

import static io.layerdive.sample.SampleEntry.file;
import static io.layerdive.sample.SampleEntry.symlink;

import java.util.ArrayList;
import java.util.List;

/**
 * npm packages for the demo image: the {@code node_modules} of a React app built with webpack,
 * Babel and TypeScript, the {@code _cacache} that {@code npm ci} fills, and npm's own modules.
 *
 * <p>Each package is one line: name, total size in KB, file count, the directory its modules live
 * in, then any notably large files as {@code path:KB}. The rest of a package is spread over
 * plausible module names. Sizes keep the real packages' proportions (typescript, esbuild and sass
 * large; most packages small), scaled down with the rest of the demo.
 */
final class DemoNpm {
  static final String[] APP_PACKAGES = {
    "typescript 1290 45 lib lib/typescript.js:586 lib/tsserver.js:377 lib/tsc.js:144",
    "@esbuild/linux-x64 600 3 bin bin/esbuild:595",
    "esbuild 24 6 lib lib/main.js:17",
    "sass 486 9 . sass.dart.js:462",
    "webpack 570 161 lib lib/Compilation.js:18 lib/javascript/JavascriptParser.js:15",
    "react-dom 342 22 cjs cjs/react-dom.development.js:164 umd/react-dom.development.js:124",
    "react 65 18 cjs cjs/react.development.js:25 umd/react.development.js:20",
    "scheduler 21 12 cjs",
    "lodash 357 147 . lodash.js:268 lodash.min.js:36",
    "core-js 318 196 modules",
    "core-js-compat 74 10 . data.json:65",
    "caniuse-lite 258 133 data/features data/agents.js:20",
    "eslint 338 231 lib/rules",
    "eslint-scope 20 10 lib",
    "espree 15 8 dist",
    "@eslint/js 12 6 src/configs",
    "terser 129 22 dist dist/bundle.min.js:99",
    "rxjs 189 182 dist/cjs/internal/operators",
    "@types/node 158 43 . globals.d.ts:30",
    "@types/react 54 6 . index.d.ts:46",
    "@types/react-dom 7 8 .",
    "@types/estree 8 3 .",
    "@types/eslint 20 6 .",
    "@types/json-schema 9 3 .",
    "@babel/core 90 31 lib",
    "@babel/parser 154 6 lib lib/index.js:144",
    "@babel/traverse 65 36 lib",
    "@babel/generator 46 30 lib",
    "@babel/types 258 78 lib lib/index.d.ts:70",
    "@babel/template 12 12 lib",
    "@babel/code-frame 8 4 lib",
    "@babel/compat-data 32 12 data data/plugins.json:11",
    "@babel/preset-env 42 22 lib lib/available-plugins.js:9",
    "@babel/preset-react 6 6 lib",
    "@babel/preset-typescript 6 6 lib",
    "@babel/runtime 79 147 helpers",
    "@babel/helper-compilation-targets 9 8 lib",
    "@babel/helper-module-transforms 14 12 lib",
    "@babel/helper-plugin-utils 4 4 lib",
    "@babel/helper-create-class-features-plugin 20 14 lib",
    "@babel/helper-module-imports 8 10 lib",
    "@babel/helper-validator-identifier 7 6 lib",
    "@babel/helper-string-parser 6 4 lib",
    "@babel/helpers 36 8 lib lib/helpers-generated.js:26",
    "@babel/plugin-transform-runtime 9 8 lib",
    "@babel/plugin-transform-classes 10 8 lib",
    "@babel/plugin-transform-arrow-functions 4 4 lib",
    "@babel/plugin-transform-async-to-generator 6 4 lib",
    "@babel/plugin-transform-destructuring 8 4 lib",
    "@babel/plugin-transform-modules-commonjs 9 6 lib",
    "@babel/plugin-transform-react-jsx 11 8 lib",
    "@babel/plugin-transform-regenerator 6 4 lib",
    "@babel/plugin-transform-spread 6 4 lib",
    "@babel/plugin-transform-typescript 17 8 lib",
    "babel-loader 12 12 lib",
    "babel-plugin-polyfill-corejs3 30 12 lib lib/built-in-definitions.js:11",
    "regenerator-runtime 14 4 . runtime.js:12",
    "browserslist 11 10 .",
    "electron-to-chromium 65 8 . full-versions.js:32 full-chromium-versions.js:20",
    "postcss 32 29 lib",
    "postcss-value-parser 7 6 lib",
    "autoprefixer 26 45 lib/hacks",
    "css-loader 30 22 dist",
    "style-loader 15 22 dist",
    "mini-css-extract-plugin 24 16 dist",
    "html-webpack-plugin 30 16 lib",
    "terser-webpack-plugin 13 8 dist",
    "webpack-cli 32 30 lib",
    "webpack-dev-server 104 42 lib lib/Server.js:48",
    "webpack-sources 20 20 lib",
    "enhanced-resolve 32 24 lib",
    "tapable 15 10 lib",
    "schema-utils 21 20 dist",
    "ajv 104 87 dist/compile",
    "ajv-keywords 20 28 dist/keywords",
    "uri-js 46 12 dist/es5 dist/es5/uri.all.js:25",
    "acorn 54 10 dist dist/acorn.js:26",
    "source-map 42 20 lib",
    "source-map-js 21 16 lib",
    "@jridgewell/trace-mapping 12 8 dist",
    "@jridgewell/gen-mapping 9 8 dist",
    "@jridgewell/sourcemap-codec 9 6 dist",
    "@jridgewell/resolve-uri 6 6 dist",
    "react-router 42 10 dist dist/index.js:30",
    "react-router-dom 30 10 dist",
    "@remix-run/router 46 8 dist dist/router.cjs.js:34",
    "axios 54 43 lib",
    "follow-redirects 7 4 .",
    "form-data 6 4 lib",
    "mime-db 74 4 . db.json:71",
    "mime-types 8 4 .",
    "express 26 14 lib",
    "body-parser 11 10 lib",
    "semver 21 36 functions",
    "glob 15 20 dist/cjs",
    "minimatch 16 16 dist/cjs",
    "tslib 21 12 .",
    "chalk 6 8 source",
    "debug 8 6 src",
    "ms 4 4 .",
    "picocolors 4 4 .",
    "nanoid 8 22 .",
    "js-tokens 6 4 .",
    "loose-envify 6 6 .",
    "supports-color 4 4 .",
    "ansi-styles 6 4 .",
    "graceful-fs 9 6 .",
    "json5 23 10 dist",
    "yaml 90 84 dist",
    "fast-deep-equal 6 8 es6",
    "json-schema-traverse 6 4 .",
    "neo-async 44 6 . async.js:40",
    "watchpack 13 8 lib",
    "chokidar 20 8 lib",
    "picomatch 15 8 lib",
    "fsevents 4 3 .",
    "ws 30 14 lib",
    "http-proxy-middleware 20 30 dist",
    "selfsigned 7 4 .",
    "node-forge 164 63 lib",
  };

  /** npm's own dependencies, under {@code /usr/lib/node_modules/npm/node_modules}. */
  private static final String[] NPM_PACKAGES = {
    "@npmcli/arborist 260 60 lib",
    "@npmcli/config 40 14 lib",
    "@npmcli/run-script 18 10 lib",
    "@npmcli/package-json 14 8 lib",
    "pacote 60 20 lib",
    "cacache 44 20 lib",
    "make-fetch-happen 30 14 lib",
    "npm-registry-fetch 22 8 lib",
    "node-gyp 320 90 gyp/pylib/gyp",
    "tar 90 30 lib",
    "minipass 30 6 dist/commonjs",
    "semver 42 52 functions",
    "lru-cache 60 8 dist/commonjs",
    "glob 30 20 dist/commonjs",
    "validate-npm-package-name 6 4 lib",
    "npm-package-arg 12 4 lib",
    "hosted-git-info 14 6 lib",
    "ini 6 4 lib",
    "read-package-json-fast 4 4 .",
    "chalk 10 8 source",
    "cli-columns 4 4 .",
    "libnpmexec 20 10 lib",
    "proc-log 4 4 lib",
    "which 6 4 lib",
  };

  private static final String[] NPM_COMMANDS = {
    "access",
    "adduser",
    "audit",
    "bugs",
    "cache",
    "ci",
    "completion",
    "config",
    "dedupe",
    "deprecate",
    "diff",
    "dist-tag",
    "docs",
    "doctor",
    "edit",
    "exec",
    "explain",
    "explore",
    "find-dupes",
    "fund",
    "get",
    "help",
    "help-search",
    "hook",
    "init",
    "install",
    "install-ci-test",
    "install-test",
    "link",
    "ll",
    "login",
    "logout",
    "ls",
    "org",
    "outdated",
    "owner",
    "pack",
    "ping",
    "pkg",
    "prefix",
    "profile",
    "prune",
    "publish",
    "query",
    "rebuild",
    "repo",
    "restart",
    "root",
    "run-script",
    "sbom",
    "search",
    "set",
    "shrinkwrap",
    "star",
    "stars",
    "start",
    "stop",
    "team",
    "test",
    "token",
    "uninstall",
    "unpublish",
    "unstar",
    "update",
    "version",
    "view",
    "whoami"
  };

  private static final String[] MODULE_NAMES = {
    "index",
    "utils",
    "parser",
    "tokenizer",
    "transform",
    "helpers",
    "types",
    "errors",
    "compat",
    "runtime",
    "plugin",
    "options",
    "config",
    "scope",
    "path",
    "visitors",
    "generated",
    "validators",
    "builders",
    "definitions",
    "constants",
    "normalize",
    "resolve",
    "cache",
    "context",
    "loader",
    "module",
    "chunk",
    "compiler",
    "hooks",
    "stats",
    "template",
    "dependency",
    "optimize",
    "formatters",
    "shared",
    "polyfills",
    "walk",
    "printer",
    "scanner",
    "emitter",
    "checker",
    "binder",
    "program",
    "watch",
    "server",
    "client",
    "request",
    "response",
    "stream",
    "buffer",
    "events",
    "queue",
    "timers",
    "format",
    "inspect",
    "assert",
    "clone",
    "merge",
    "debounce",
    "throttle",
    "memoize",
    "compose",
    "pipe",
    "identity",
    "noop",
    "flatten",
    "chunked",
    "uniq",
    "sortBy",
    "groupBy",
    "keyBy",
    "pick",
    "omit",
    "get",
    "set",
    "has",
    "isEqual",
    "isObject",
    "isArray",
    "isString",
    "isNumber",
    "isFunction",
    "toString",
    "toNumber",
    "trim",
    "pad",
    "camelCase",
    "kebabCase",
    "snakeCase",
    "escape",
    "unescape",
    "range",
    "times",
    "random",
    "sample",
    "shuffle",
    "zip",
    "unzip",
    "keys",
    "values",
    "entries",
    "assign",
    "defaults",
    "extend",
    "create",
    "bind",
    "curry",
    "partial",
    "once",
    "after",
    "before",
    "delay",
    "defer",
    "retry",
    "timeout",
    "map",
    "filter",
    "reduce",
    "find",
    "some",
    "every",
    "includes",
    "indexOf",
    "slice",
    "splice",
    "concat",
    "join",
    "split",
    "replace",
    "match",
    "search",
    "encode",
    "decode",
    "hash",
    "digest",
    "sign",
    "verify",
    "compress",
    "inflate",
    "deflate",
    "serialize",
    "deserialize",
    "stringify",
    "validate",
    "schema",
    "keyword",
    "rule",
    "report",
    "linter",
    "source-code",
    "token-store",
    "code-path",
    "traverser",
    "selector",
    "comments",
    "location",
    "position",
    "range-map",
    "mapping",
    "segment",
    "bundle",
    "entry",
    "asset",
    "manifest",
    "plugin-api",
    "factory",
    "registry",
    "graph",
    "order",
    "sort",
    "compare",
    "diff"
  };

  private static final String[] GROUPS = {
    "util",
    "internal",
    "plugins",
    "helpers",
    "esm",
    "cjs",
    "rules",
    "core",
    "shared",
    "node",
    "browser",
    "common",
    "transforms",
    "runtime",
    "polyfills",
    "vendor"
  };

  private DemoNpm() {}

  /** One package's files under {@code root}, e.g. {@code app/node_modules}. */
  static List<SampleEntry> packageFiles(String root, String spec) {
    String[] parts = spec.split(" ");
    String name = parts[0];
    long totalBytes = Long.parseLong(parts[1]) * 1024;
    int files = Integer.parseInt(parts[2]);
    String modules = parts[3].equals(".") ? "" : parts[3] + "/";
    String base = root + "/" + name + "/";
    long seed = Seeds.of(name);

    List<SampleEntry> entries = new ArrayList<>();
    entries.add(generated(base + "package.json", 600 + Seeds.pick(seed, 1, 2400)));
    if (files > 2) entries.add(generated(base + "README.md", 1500 + Seeds.pick(seed, 2, 9000)));
    if (files > 3) entries.add(generated(base + "LICENSE", 1070 + Seeds.pick(seed, 3, 40)));
    long fixed = entries.stream().mapToLong(SampleEntry::size).sum();
    for (int i = 4; i < parts.length; i++) {
      int colon = parts[i].lastIndexOf(':');
      long size = Long.parseLong(parts[i].substring(colon + 1)) * 1024 + Seeds.pick(seed, i, 1024);
      entries.add(generated(base + parts[i].substring(0, colon), size));
      fixed += size;
    }
    java.util.Set<String> paths = new java.util.HashSet<>();
    entries.forEach(e -> paths.add(e.path()));
    int generic = files - entries.size();
    long left = Math.max(0, totalBytes - fixed);
    boolean types = name.startsWith("@types/");
    double[] weights = new double[Math.max(0, generic)];
    double sum = 0;
    for (int i = 0; i < generic; i++) {
      weights[i] = Seeds.spread(seed, i, 0.15, 2.0);
      sum += weights[i];
    }
    int perGroup = generic > 24 ? (generic + GROUPS.length - 1) / GROUPS.length : generic;
    perGroup = Math.max(perGroup, 12);
    for (int i = 0; i < generic; i++) {
      String word =
          MODULE_NAMES[(Seeds.pick(seed, 0, MODULE_NAMES.length) + i) % MODULE_NAMES.length];
      String group = generic > 24 ? GROUPS[(i / perGroup) % GROUPS.length] + "/" : "";
      String ext = types ? ".d.ts" : i % 4 == 3 ? ".d.ts" : i % 7 == 5 ? ".mjs" : ".js";
      if (i >= MODULE_NAMES.length) word = word + "-" + i / MODULE_NAMES.length;
      String path = base + modules + group + word + ext;
      while (!paths.add(path)) path = path.replace(ext, "-1" + ext);
      entries.add(generated(path, (long) (left * weights[i] / sum)));
    }
    return entries;
  }

  /** The app's {@code node_modules}: every package, {@code .bin} links and npm's lock copy. */
  static List<SampleEntry> nodeModules(String root) {
    List<SampleEntry> entries = new ArrayList<>();
    for (String spec : APP_PACKAGES) entries.addAll(packageFiles(root, spec));
    String[][] bins = {
      {"tsc", "../typescript/bin/tsc"},
      {"tsserver", "../typescript/bin/tsserver"},
      {"webpack", "../webpack/bin/webpack.js"},
      {"webpack-cli", "../webpack-cli/bin/cli.js"},
      {"webpack-dev-server", "../webpack-dev-server/bin/webpack-dev-server.js"},
      {"eslint", "../eslint/bin/eslint.js"},
      {"sass", "../sass/sass.js"},
      {"esbuild", "../esbuild/bin/esbuild"},
      {"terser", "../terser/bin/terser"},
      {"browserslist", "../browserslist/cli.js"},
      {"semver", "../semver/bin/semver.js"},
      {"acorn", "../acorn/bin/acorn"},
      {"parser", "../@babel/parser/bin/babel-parser.js"},
      {"loose-envify", "../loose-envify/cli.js"},
      {"nanoid", "../nanoid/bin/nanoid.cjs"},
      {"json5", "../json5/lib/cli.js"},
      {"yaml", "../yaml/bin.mjs"},
    };
    for (String[] bin : bins) entries.add(symlink(root + "/.bin/" + bin[0], bin[1]));
    entries.add(generated(root + "/.package-lock.json", 84_213));
    return entries;
  }

  /**
   * {@code /root/.npm/_cacache}: for every package its tarball (about a third of its unpacked size)
   * under {@code content-v2/sha512} and an index entry under {@code index-v5}.
   */
  static List<SampleEntry> npmCache() {
    List<SampleEntry> entries = new ArrayList<>();
    String cache = "root/.npm/_cacache/";
    for (String spec : APP_PACKAGES) {
      String[] parts = spec.split(" ");
      long seed = Seeds.of("cache " + parts[0]);
      String content = hex(seed, 128);
      String index = hex(seed + 1, 64);
      long tarball = Long.parseLong(parts[1]) * 1024 * 38 / 100;
      entries.add(
          generated(
              cache
                  + "content-v2/sha512/"
                  + content.substring(0, 2)
                  + "/"
                  + content.substring(2, 4)
                  + "/"
                  + content.substring(4),
              tarball));
      entries.add(
          generated(
              cache
                  + "index-v5/"
                  + index.substring(0, 2)
                  + "/"
                  + index.substring(2, 4)
                  + "/"
                  + index.substring(4),
              420 + Seeds.pick(seed, 7, 300)));
    }
    entries.add(generated("root/.npm/_logs/2024-05-01T12_06_13_512Z-debug-0.log", 41_877));
    entries.add(generated("root/.npm/_update-notifier-last-checked", 0));
    return entries;
  }

  /** npm itself, as the Alpine package installs it. */
  static List<SampleEntry> npmItself() {
    String npm = "usr/lib/node_modules/npm/";
    List<SampleEntry> entries = new ArrayList<>();
    entries.add(generated(npm + "package.json", 7_412));
    entries.add(generated(npm + "README.md", 5_218));
    entries.add(generated(npm + "LICENSE", 9_127));
    entries.add(generated(npm + "bin/npm-cli.js", 54).withMode(0755));
    entries.add(generated(npm + "bin/npx-cli.js", 2_917).withMode(0755));
    entries.add(generated(npm + "bin/npm", 1_359).withMode(0755));
    entries.add(generated(npm + "bin/npx", 2_034).withMode(0755));
    entries.add(generated(npm + "index.js", 73));
    entries.add(generated(npm + "lib/npm.js", 14_212));
    entries.add(generated(npm + "lib/cli.js", 4_408));
    for (String command : NPM_COMMANDS) {
      long seed = Seeds.of("npm " + command);
      entries.add(
          generated(npm + "lib/commands/" + command + ".js", 900 + Seeds.pick(seed, 0, 5000)));
      entries.add(
          generated(npm + "man/man1/npm-" + command + ".1", 1_200 + Seeds.pick(seed, 2, 5000)));
    }
    for (String spec : NPM_PACKAGES) {
      entries.addAll(packageFiles(npm + "node_modules", spec));
    }
    return entries;
  }

  private static SampleEntry generated(String path, long size) {
    return file(path, size, Seeds.of(path));
  }

  private static String hex(long seed, int length) {
    StringBuilder sb = new StringBuilder(length);
    long state = seed;
    while (sb.length() < length) {
      state = Seeds.mix(state + 0x9E3779B97F4A7C15L);
      sb.append(java.util.HexFormat.of().toHexDigits(state));
    }
    return sb.substring(0, length);
  }
}
