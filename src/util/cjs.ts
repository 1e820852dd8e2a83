/**
 * Interop for CommonJS packages whose typings declare `export default`: under NodeNext, TypeScript
 * types a default import as the module namespace, while Node hands over `module.exports` itself.
 */
export function cjsDefault<T>(imported: { default: T } | T): T {
  const maybe = imported as { default?: T };
  return maybe.default ?? (imported as T);
}
