// restructure ships no types; encre reaches its Struct class (src/render/structs.ts).
declare module 'restructure' {
  /** restructure 3.0.2's Struct class (the decoder of fontkit's tables). */
  export const Struct: unknown;
}
