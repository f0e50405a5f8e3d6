import { Struct } from 'restructure';

/*
 * restructure's Struct (the decoder under fontkit's tables: every GSUB/GPOS lookup, coverage
 * and record is one), made faster without changing what it decodes (restructure 3.0.2).
 * Each decoded struct starts as an object with four hidden properties (parent, _startOffset,
 * _currentOffset writable, _length: not enumerable), which restructure defines with
 * Object.defineProperties and four new descriptor objects. Here the same four properties,
 * with the same attributes and in the same order, are defined one by one from descriptors
 * made once. Profiled on the sample's `npm start`: _setup was 3 % of the build (the first
 * shaping of each face decodes thousands of structs); this takes about half of it away.
 */

/** restructure's Struct, as far as this module touches it. */
interface StructProto {
  _setup(this: unknown, stream: { pos: number }, parent: unknown, length: number): object;
}

const parent: PropertyDescriptor = { value: undefined };
const startOffset: PropertyDescriptor = { value: 0 };
const currentOffset: PropertyDescriptor = { value: 0, writable: true };
const length: PropertyDescriptor = { value: 0 };

let installed = false;

/**
 * Installs the faster struct set-up on restructure's Struct (and VersionedStruct, which
 * inherits it), once per process.
 * @throws Error (internal) when restructure's Struct has no _setup (another version).
 */
export function installFastStructs(): void {
  if (installed) return;
  const proto = (Struct as unknown as { prototype: StructProto }).prototype;
  if (typeof proto._setup !== 'function') throw new Error('internal: restructure has changed (Struct._setup): check src/render/structs.ts');
  proto._setup = function (stream, parentValue, lengthValue) {
    const res = {};
    parent.value = parentValue;
    startOffset.value = stream.pos;
    length.value = lengthValue;
    Object.defineProperty(res, 'parent', parent);
    Object.defineProperty(res, '_startOffset', startOffset);
    Object.defineProperty(res, '_currentOffset', currentOffset);
    Object.defineProperty(res, '_length', length);
    // The descriptors hold no reference to a struct between calls.
    parent.value = undefined;
    return res;
  };
  installed = true;
}
