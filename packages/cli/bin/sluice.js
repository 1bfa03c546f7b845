#!/usr/bin/env node
// The sluice command. It loads the package through its own name, so that installed (and after
// `npm ci` in the repository) it runs the built JavaScript in dist/ with no loader, and starts
// fast; under `--conditions=sluice:source`, which the repository's test runner sets, the same
// import names the TypeScript sources, and only then is tsx registered to run them
// (docs/decisions/007-packages-build-to-dist.md).
const entry = import.meta.resolve('@sluice/cli');
if (entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
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
