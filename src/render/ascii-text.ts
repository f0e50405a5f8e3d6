/**
 * A long ASCII text written byte by byte into one reused buffer, then taken as a single
 * string (integers only: non-negative or negative, no fractions): for the QR codes' path data and content-stream operators (src/qr/matrix.ts,
 * src/render/content-writes.ts), thousands of short pieces each. Written with `+=`, every
 * piece and every number was a string of its own (1.8 of the 10,000-event programme's
 * 22.5 GB allocated); here the text is one allocation.
 * Not re-entrant: one text at a time per process (each is taken before the next begins).
 */
export class AsciiText {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private length = 0;

  /** Starts a text of at most `capacity` bytes (the buffer grows to hold it). */
  start(capacity: number): this {
    if (this.buffer.length < capacity) this.buffer = Buffer.allocUnsafe(Math.max(capacity, this.buffer.length * 2));
    this.length = 0;
    return this;
  }

  /** Adds one character, by its code (0–127). */
  char(code: number): this {
    this.buffer[this.length++] = code;
    return this;
  }

  /** Adds an integer's decimal text, as `${n}` writes it (a "-" first when negative). */
  int(n: number): this {
    if (n < 0) {
      this.buffer[this.length++] = 0x2d;
      n = -n;
    }
    const from = this.length;
    do {
      this.buffer[this.length++] = 0x30 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
    // The digits were written last first.
    for (let a = from, b = this.length - 1; a < b; a++, b--) {
      const t = this.buffer[a]!;
      this.buffer[a] = this.buffer[b]!;
      this.buffer[b] = t;
    }
    return this;
  }

  /** Adds an ASCII text. */
  text(s: string): this {
    for (let k = 0; k < s.length; k++) this.buffer[this.length++] = s.charCodeAt(k);
    return this;
  }

  /**
   * The text written since {@link start}.
   * @throws Error (internal) when more was written than the buffer holds (a capacity given
   *   to start too small: a buffer drops what is written past its end; never a text cut short).
   */
  take(): string {
    if (this.length > this.buffer.length) throw new Error(`internal: ${this.length} bytes written into a text of ${this.buffer.length} (src/render/ascii-text.ts)`);
    return this.buffer.toString('latin1', 0, this.length);
  }
}
