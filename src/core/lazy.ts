// Fields computed on first read (issue 15): the verdict of an exchange is worked out eagerly, its explanation
// (checklist rows, summary sentence, hints) only when something reads it — the panel's list and `--only-blocked`
// never read it for the rows they do not show.
//
// Each lazy field is an own, enumerable accessor, so JSON.stringify, spreads, structuredClone and deep equality
// see a value exactly like a data property, in the same key order. The value is computed on first read and kept
// (in the private slot below; a field's value must not be undefined). The accessor functions are
// shared by every object (one pair per field): a closure per object would put each object in V8's slow
// dictionary mode, costing more than the field saves. What a field is computed from lives in a private slot,
// invisible to JSON, spreads, Object.keys and equality.

/** A field computed from a source of type `S` when first read (`group` names the source; several fields may share one). */
export interface LazyField<S, T> {
  readonly name: string;
  readonly group: string;
  /** The accessor every object shares for this field. */
  readonly descriptor: PropertyDescriptor;
  /** Only for the types: the source's and the value's. */
  readonly types?: (source: S) => T;
}

/** A base-class constructor that returns its argument makes that object `this` in the subclass: the way to give an existing object a private slot. */
class Adopt {
  constructor(target: object) {
    return target;
  }
}

/** The private slot holding, per group, what an object's lazy fields are computed from. */
class Sources extends Adopt {
  #sources: Record<string, unknown>;
  private constructor(target: object, sources: Record<string, unknown>) {
    super(target);
    this.#sources = sources;
  }
  static of(target: object): Record<string, unknown> {
    if (#sources in target) return (target as unknown as Sources).#sources;
    const sources: Record<string, unknown> = {};
    new Sources(target, sources);
    return sources;
  }
}

/** Sets a lazy field's value unless it has one (computed or assigned): for computations that fill several fields at once. */
export function settleLazy(target: object, name: string, value: unknown): void {
  const slot = Sources.of(target);
  if (slot[name] === undefined) slot[name] = value;
}

/** Declares a lazy field; `compute` may also settle sibling fields of the same computation (settleLazy). */
export function lazyField<S, T>(name: string, group: string, compute: (target: object, source: S) => T): LazyField<S, T> {
  const descriptor: PropertyDescriptor = {
    get(this: object) {
      // The value is kept beside the sources (field and group names differ), so the object keeps its hidden class.
      const slot = Sources.of(this);
      let value = slot[name] as T | undefined;
      if (value === undefined) slot[name] = value = compute(this, slot[group] as S);
      return value;
    },
    // Assigning replaces the value, as it would a data property's.
    set(this: object, value: T) {
      Sources.of(this)[name] = value;
    },
    enumerable: true,
    configurable: true,
  };
  return { name, group, descriptor };
}

/** Remembers what `target`'s lazy fields of `group` are computed from. */
export function lazySource(target: object, group: string, source: unknown): void {
  Sources.of(target)[group] = source;
}

/** Adds `field` as `target`'s next own property (key order is the order of the calls, as with data properties). */
export function defineLazy<S, T>(target: object, field: LazyField<S, T>): void {
  // A field defined again starts afresh (its source may have changed).
  const slot = Sources.of(target);
  if (slot[field.name] !== undefined) slot[field.name] = undefined;
  Object.defineProperty(target, field.name, field.descriptor);
}
