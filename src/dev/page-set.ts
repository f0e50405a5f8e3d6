/**
 * A document's pages as the preview serves them, for one build: each page's version (the
 * build it last changed in, which the page puts in the image's address, so the browser asks
 * again only for the pages that changed) and its images by resolution, made on first request
 * and kept. A page whose fingerprint (page-fingerprint.ts) is that of the build before keeps
 * that build's version and images.
 */
export class PageSet {
  private constructor(
    /** Each page's version, page 1 first. */
    readonly versions: number[],
    private readonly fingerprints: string[],
    /** Each page's PNG images, by dpi. */
    private readonly images: Map<number, Promise<Buffer>>[],
  ) {}

  /**
   * The pages of a new build `version` of a document, from their fingerprints, keeping the
   * version and images of each page unchanged since `before` (none when undefined: every
   * page is new, as after the build process restarted with other code or fonts).
   */
  static next(before: PageSet | undefined, fingerprints: string[], version: number): PageSet {
    const same = (i: number) => before !== undefined && before.fingerprints[i] === fingerprints[i];
    return new PageSet(
      fingerprints.map((_, i) => (same(i) ? before!.versions[i]! : version)),
      fingerprints,
      fingerprints.map((_, i) => (same(i) ? before!.images[i]! : new Map())),
    );
  }

  /**
   * These pages with page `n` (from 1) replaced by another drawing of it, `fingerprint`, as
   * of `version` (the preview's page drawn ahead of its file): its images made anew, the
   * others kept.
   */
  withPage(n: number, fingerprint: string, version: number): PageSet {
    const at = (i: number) => i === n - 1;
    return new PageSet(
      this.versions.map((v, i) => (at(i) ? version : v)),
      this.fingerprints.map((f, i) => (at(i) ? fingerprint : f)),
      this.images.map((m, i) => (at(i) ? new Map() : m)),
    );
  }

  /**
   * Page `n`'s image (from 1) at `dpi`: the one made before, else `make()`'s, kept (a failed
   * one is forgotten, made again on the next request).
   */
  image(n: number, dpi: number, make: () => Promise<Buffer>): Promise<Buffer> {
    const byDpi = this.images[n - 1]!;
    let png = byDpi.get(dpi);
    if (!png) {
      png = make();
      byDpi.set(dpi, png);
      png.catch(() => byDpi.get(dpi) === png && byDpi.delete(dpi));
    }
    return png;
  }
}
