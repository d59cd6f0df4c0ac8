#!/usr/bin/env node
// Runs the TypeScript CLI straight from a checkout: `npx huimin serve`, `npx huimin seed demo`, …
import { register } from 'tsx/esm/api';
register();
await import('../server/src/cli.ts');
