import { UsageError } from '../model/errors.js';

/**
 * The names of encre's documents, apart from their builders (src/documents/registry.ts) so
 * that the command line can name them without loading React-PDF and the layouts.
 */

/** The four documents of a campaign, in build order. */
export const DOCUMENT_IDS = ['programme', 'affiche', 'flyer', 'dossier-de-presse'] as const;

/** A document's id. */
export type DocumentId = (typeof DOCUMENT_IDS)[number];

/** Other names people use for the documents: the French "tract", the English "poster", the short "dossier". */
export const DOCUMENT_ALIASES: Readonly<Record<string, DocumentId>> = { tract: 'flyer', poster: 'affiche', dossier: 'dossier-de-presse' };

/**
 * The document an id or alias names.
 * @throws UsageError listing the known ids and aliases
 */
export function documentId(name: string): DocumentId {
  const id = DOCUMENT_ALIASES[name] ?? name;
  if (!(DOCUMENT_IDS as readonly string[]).includes(id)) {
    throw new UsageError(`unknown document "${name}"; expected one of: ${DOCUMENT_IDS.join(', ')} (or ${Object.keys(DOCUMENT_ALIASES).join(', ')})`);
  }
  return id as DocumentId;
}
