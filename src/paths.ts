import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder encre itself is installed in (its package root): its fonts and ICC profiles are
 * read from here, whichever folder a user runs it from. Content and logos are read from the
 * project (the current folder).
 */
export const TOOL_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
