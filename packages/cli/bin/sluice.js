#!/usr/bin/env node
// The sluice command. It loads the package through its own name, so that installed (and after
// `npm ci` in the repository) it runs the built JavaScript in dist/ with no loader, and starts
// fast; under `--conditions=sluice:source`, which the repository's test runner sets, the same
// import names the TypeScript sources, which Node runs by stripping their types
// (docs/decisions/007-packages-build-to-dist.md, 015-sources-run-by-type-stripping.md).
import { enableCompileCache } from 'node:module';

// V8's compiled code for the ~400 modules a broker loads is kept on disk (Node's compile cache,
// in the OS's temporary folder, checked against each file's content), so that a start after the
// first compiles none of them: about a fifth of loading them (measured 169-176 → 141-143 ms of
// CPU for the broker's modules). Without a writable folder Node just compiles as before.
enableCompileCache();
const entry = import.meta.resolve('@sluice/cli');
let main;
try {
  ({ main } = await import(entry));
} catch (e) {
  if (e?.code === 'ERR_MODULE_NOT_FOUND' && e.url === entry) {
    process.stderr.write(`sluice: ${new URL(entry).pathname} is missing; in a clone of the repository, build the packages with \`npm run build\` (\`npm ci\` does it)\n`);
    process.exit(1);
  }
  throw e;
}
process.exitCode = await main(process.argv.slice(2));
