#!/usr/bin/env node
// Runs the TypeScript sources through tsx (see docs/decisions/001-typescript-through-tsx.md).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
