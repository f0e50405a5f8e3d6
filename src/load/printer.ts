import path from 'node:path';
import { readFile, readdir } from 'node:fs/promises';
import { parseYaml, validate } from './yaml.js';
import { PrinterSchema, type Printer } from '../model/printer.js';
import { ContentError, UsageError } from '../model/errors.js';
import { TOOL_ROOT } from '../paths.js';

/** The printer profiles shipped with encre (printers/*.yaml), by name. */
export async function printerNames(): Promise<string[]> {
  return (await readdir(path.join(TOOL_ROOT, 'printers'))).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort();
}

/**
 * Loads and validates printers/<name>.yaml.
 * @throws UsageError for an unknown name (listing the known ones); ContentError for a bad file.
 */
export async function loadPrinter(name: string): Promise<Printer> {
  const names = await printerNames();
  if (!names.includes(name)) throw new UsageError(`unknown printer profile "${name}"; expected one of: ${names.join(', ')} (files in printers/)`);
  const file = path.join('printers', `${name}.yaml`);
  const { source, problems } = parseYaml(file, await readFile(path.join(TOOL_ROOT, file), 'utf8'));
  if (problems.length > 0) throw new ContentError(problems);
  const result = validate(source, PrinterSchema);
  if (!result.value) throw new ContentError(result.problems);
  return result.value;
}
