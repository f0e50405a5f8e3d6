import { ContentError, PreflightError, ThemeError, UsageError, type Problem } from '../model/errors.js';

/** An error as it crosses from a worker thread (structured clone keeps no classes). */
export interface SerialisedError {
  kind: 'content' | 'theme' | 'preflight' | 'usage' | 'internal';
  message: string;
  problems?: Problem[];
  eventId?: string;
  stack?: string;
}

/** Describes an error thrown in a worker so that `reviveError` can throw the same class again. */
export function serialiseError(e: unknown): SerialisedError {
  if (e instanceof ContentError) return { kind: 'content', message: e.message, problems: e.problems };
  if (e instanceof ThemeError) return { kind: 'theme', message: e.message, problems: e.problems };
  if (e instanceof PreflightError) return { kind: 'preflight', message: e.message, eventId: e.eventId };
  if (e instanceof UsageError) return { kind: 'usage', message: e.message };
  const err = e instanceof Error ? e : new Error(String(e));
  return { kind: 'internal', message: err.message, stack: err.stack };
}

/** The error a worker threw, as an instance of its encre class (ContentError, ThemeError, PreflightError, UsageError, Error). */
export function reviveError(s: SerialisedError): Error {
  switch (s.kind) {
    case 'content':
      return new ContentError(s.problems ?? []);
    case 'theme':
      return new ThemeError(s.problems ?? []);
    case 'preflight':
      return new PreflightError(s.message, s.eventId);
    case 'usage':
      return new UsageError(s.message);
    default: {
      const e = new Error(s.message);
      if (s.stack) e.stack = s.stack;
      return e;
    }
  }
}
