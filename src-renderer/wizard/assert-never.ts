// Compile-time proof that a switch over a union handled every member; throws if reached at runtime.
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
