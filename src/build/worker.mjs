// A build worker thread's entry: TypeScript through tsx's loader (as bin/encre.js does), then
// the worker itself (worker.ts).
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
await import('./worker.ts');
