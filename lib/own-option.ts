// Reading an optional setting from an options object. `options.x ?? fallback` looks `x` up the
// prototype chain when the caller left it out, so a key that ever landed on Object.prototype
// (prototype pollution) would silently become the setting: a longer emergency access, a wider
// misuse window. Security settings are read through here instead (ADR 0011).

/** `object[key]` when the object itself holds it, else undefined (never an inherited value). */
export function ownOption<T extends object, K extends keyof T>(object: T, key: K): T[K] | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}
