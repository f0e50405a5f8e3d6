import { ParseSpeeds, type LoadOptions, type SaveOptions } from './pdf-lib.js';

/*
 * pdf-lib parses and writes a document a slice of objects at a time, waiting for a timer
 * between slices (100 objects per slice when parsing, 50 when writing: `waitForTick`, a
 * setTimeout of at least a millisecond), so as not to block a browser's page. encre's builds
 * have no page to keep alive: in the preview's rebuilds of a 400-event programme those waits
 * were a tenth of the time, the process idle. The bytes are the same.
 */

/** How encre parses a PDF with pdf-lib: its Info dictionary left as it is, in one go. */
export const LOAD: LoadOptions = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest };

/** How encre writes a PDF with pdf-lib: no object streams (PDF/X-4 files stay readable by every RIP), in one go. */
export const SAVE: SaveOptions = { useObjectStreams: false, objectsPerTick: Infinity };
