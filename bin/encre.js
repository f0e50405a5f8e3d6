#!/usr/bin/env node
// `npx encre …`: runs the TypeScript CLI through tsx's loader (no separate compile step),
// with encre's own tsconfig wherever it is run from.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// React's production build: the development one checks every element and costs a build
// about a tenth of its time. Set before React is first imported (the import below).
process.env.NODE_ENV ??= 'production';
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../src/cli/main.ts');
