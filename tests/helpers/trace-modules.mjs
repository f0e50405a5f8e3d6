// `node --import ./tests/helpers/trace-modules.mjs …`: appends the URL of every module the
// process loads, one per line, to the file named by ENCRE_TRACE_MODULES (tests of what a
// command loads: tests/startup.test.ts).
import { register } from 'node:module';

register('./trace-modules-hooks.mjs', import.meta.url, { data: { file: process.env.ENCRE_TRACE_MODULES } });
