package io.layerdive.sample;

import static io.layerdive.sample.SampleEntry.file;

import java.util.ArrayList;
import java.util.List;

/** The demo's React application: its sources (with a {@code .git} copied by mistake) and build. */
final class DemoApp {
  static final String PACKAGE_JSON =
      """
      {
        "name": "storefront",
        "version": "2.4.1",
        "private": true,
        "scripts": {
          "start": "node dist/server.js",
          "build": "webpack --mode production",
          "lint": "eslint src --ext .ts,.tsx",
          "test": "jest"
        },
        "dependencies": {
          "axios": "^1.6.8",
          "express": "^4.19.2",
          "react": "^18.2.0",
          "react-dom": "^18.2.0",
          "react-router-dom": "^6.22.3"
        },
        "devDependencies": {
          "@babel/core": "^7.24.4",
          "@babel/preset-env": "^7.24.4",
          "@babel/preset-react": "^7.24.1",
          "@babel/preset-typescript": "^7.24.1",
          "@types/react": "^18.2.79",
          "@types/react-dom": "^18.2.25",
          "babel-loader": "^9.1.3",
          "css-loader": "^7.1.1",
          "esbuild": "^0.20.2",
          "eslint": "^8.57.0",
          "html-webpack-plugin": "^5.6.0",
          "mini-css-extract-plugin": "^2.9.0",
          "sass": "^1.75.0",
          "style-loader": "^4.0.0",
          "typescript": "^5.4.5",
          "webpack": "^5.91.0",
          "webpack-cli": "^5.1.4",
          "webpack-dev-server": "^5.0.4"
        }
      }
      """;

  private static final String[] COMPONENTS = {
    "Avatar", "Badge", "Button", "Card", "Chart", "Dashboard", "Footer", "Form", "Header", "Input",
    "Layout", "Modal", "Navbar", "Select", "Sidebar", "Spinner", "Table", "Tabs", "Toast", "Tooltip"
  };
  private static final String[] PAGES = {
    "Cart", "Checkout", "Home", "Login", "NotFound", "Orders", "Product", "Products", "Settings"
  };

  private DemoApp() {}

  /** {@code COPY package.json package-lock.json ./}. */
  static List<SampleEntry> manifests() {
    return List.of(
        file("app/package.json", PACKAGE_JSON), generated("app/package-lock.json", 391_522));
  }

  /** {@code COPY . .}: the manifests again (unchanged), the sources, and the {@code .git}. */
  static List<SampleEntry> sources() {
    List<SampleEntry> entries = new ArrayList<>(manifests());
    for (String spec :
        new String[] {
          "README.md:4211",
          "tsconfig.json:612",
          "webpack.config.js:2874",
          ".eslintrc.json:734",
          ".babelrc:188",
          "Dockerfile:412",
          "public/index.html:1721",
          "public/favicon.ico:15086",
          "public/logo192.png:5347",
          "public/logo512.png:9664",
          "public/manifest.json:492",
          "public/robots.txt:67",
          "src/index.tsx:535",
          "src/App.tsx:3321",
          "src/App.css:2214",
          "src/App.test.tsx:1046",
          "src/setupTests.ts:241",
          "src/reportWebVitals.ts:425",
          "src/server.ts:3518",
          "src/assets/hero.jpg:183114",
          "src/assets/logo.svg:2632",
          "src/styles/theme.scss:6233",
          "src/styles/global.scss:3810",
          "src/api/client.ts:2118",
          "src/api/orders.ts:1720",
          "src/api/products.ts:2264",
          "src/api/users.ts:1390",
          "src/hooks/useAuth.ts:1904",
          "src/hooks/useDebounce.ts:402",
          "src/hooks/useFetch.ts:1276",
          "src/hooks/useLocalStorage.ts:866",
          ".git/HEAD:21",
          ".git/config:312",
          ".git/description:73",
          ".git/index:28_411",
          ".git/packed-refs:1_204",
          ".git/refs/heads/main:41",
          ".git/logs/HEAD:3_922",
          ".git/objects/pack/pack-4c1b2e9a7d3f6081c5e2a9b47d1f3e6c8a0b5d27.idx:96_312",
          ".git/objects/pack/pack-4c1b2e9a7d3f6081c5e2a9b47d1f3e6c8a0b5d27.pack:917_655",
          ".git/hooks/pre-commit.sample:1_643",
          ".git/hooks/pre-push.sample:1_374",
          ".git/hooks/commit-msg.sample:896"
        }) {
      int colon = spec.lastIndexOf(':');
      entries.add(
          generated(
              "app/" + spec.substring(0, colon),
              Long.parseLong(spec.substring(colon + 1).replace("_", ""))));
    }
    for (String c : COMPONENTS) {
      long seed = Seeds.of(c);
      entries.add(generated("app/src/components/" + c + ".tsx", 900 + Seeds.pick(seed, 0, 5000)));
      entries.add(
          generated("app/src/components/" + c + ".module.scss", 200 + Seeds.pick(seed, 1, 1800)));
    }
    for (String p : PAGES) {
      entries.add(
          generated("app/src/pages/" + p + ".tsx", 1500 + Seeds.pick(Seeds.of(p), 0, 7000)));
    }
    return entries;
  }

  /** What {@code npm run build} writes to {@code /app/dist}. */
  static List<SampleEntry> dist() {
    List<SampleEntry> entries = new ArrayList<>();
    entries.add(server());
    entries.add(generated("app/dist/index.html", 2_117));
    entries.add(generated("app/dist/asset-manifest.json", 1_806));
    entries.add(generated("app/dist/static/js/main.8f3a2c1d.js", 655_412));
    entries.add(generated("app/dist/static/js/main.8f3a2c1d.js.map", 1_203_207));
    entries.add(generated("app/dist/static/js/vendor.1b7e94f0.js", 531_876));
    entries.add(generated("app/dist/static/js/vendor.1b7e94f0.js.map", 1_012_390));
    entries.add(generated("app/dist/static/js/vendor.1b7e94f0.js.LICENSE.txt", 1_602));
    entries.add(generated("app/dist/static/css/main.4d9c0a77.css", 48_913));
    entries.add(generated("app/dist/static/css/main.4d9c0a77.css.map", 91_455));
    // The hashed copy of the hero image has the source's bytes under another name.
    entries.add(
        file(
            "app/dist/static/media/hero.5a1f0e3b.jpg",
            183_114,
            Seeds.of("app/src/assets/hero.jpg")));
    entries.add(
        file(
            "app/dist/static/media/logo.6ce24c58.svg", 2_632, Seeds.of("app/src/assets/logo.svg")));
    for (int i = 0; i < 10; i++) {
      String hash = Long.toHexString((Seeds.mix(i + 77) & 0xffffffffL) | 0x100000000L).substring(1);
      long size = 8_000 + Seeds.pick(Seeds.of("chunk"), i, 32_000);
      entries.add(
          generated("app/dist/static/js/" + (100 + i * 37) + "." + hash + ".chunk.js", size));
      entries.add(
          generated(
              "app/dist/static/js/" + (100 + i * 37) + "." + hash + ".chunk.js.map", size * 3));
    }
    return entries;
  }

  /** The server bundle; {@code chmod +x} later copies it with only its mode changed. */
  static SampleEntry server() {
    return generated("app/dist/server.js", 3_402);
  }

  private static SampleEntry generated(String path, long size) {
    return file(path, size, Seeds.of(path));
  }
}
