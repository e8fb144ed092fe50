// Bundles app/http-server.ts to build/server.js; npm packages stay external.
import { build } from "esbuild";

await build({
  entryPoints: ["app/http-server.ts"],
  outfile: "build/server.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
