import { build } from './dist/src/build.js';
const t0 = performance.now();
await build({ root: process.cwd(), content: 'content', documents: [], out: '/tmp/out-t', threads: +process.argv[2], cache: false, sourceDateEpoch: '1476748800', log: () => {} });
console.log('threads', process.argv[2], ((performance.now() - t0) / 1000).toFixed(2));
