/**
 * A map for what a process remembers to do less work the next time (typeset texts, SVG
 * paths' operators, content streams' facts, page texts), bounded by weight: once the entries
 * would weigh more than `limit`, it forgets them all and starts again empty (what is
 * forgotten is computed again: never a different answer). The weight of an entry is 1 by
 * default, or what `weigh` says (characters, for texts).
 * Meant for keys looked up first: `set` adds a key that is not there.
 */
export class KeptMap<K, V> {
  private readonly entries = new Map<K, V>();
  private weight = 0;

  /**
   * @param limit the most the entries weigh together.
   * @param weigh the weight of an entry (1 by default).
   */
  constructor(
    private readonly limit: number,
    private readonly weigh: (key: K, value: V) => number = () => 1,
  ) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** Forgets every entry. */
  clear(): void {
    this.entries.clear();
    this.weight = 0;
  }

  set(key: K, value: V): void {
    const w = this.weigh(key, value);
    if (this.weight + w > this.limit) this.clear();
    this.entries.set(key, value);
    this.weight += w;
  }
}
