import { readFile } from 'node:fs/promises';
import { ContentError } from '../model/errors.js';

/**
 * Reads an importer's input: the data file (`what` = "file") or its mapping ("mapping file").
 * @returns the bytes.
 * @throws ContentError "<file> file not found" or "cannot read the file: …", located at the file.
 */
export async function readInput(file: string, what: 'file' | 'mapping file' = 'file'): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? `${what} not found` : `cannot read the ${what}: ${(e as Error).message}`;
    throw new ContentError([{ file, line: 0, col: 0, path: '', message }]);
  }
}
