// The rasterising thread's entry from the sources: TypeScript through tsx's loader (as
// src/build/worker.mjs does), then the thread itself (raster-worker.ts).
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
await import('./raster-worker.ts');
