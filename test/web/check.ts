// The few assertions the web suite needs: the browser's extension host has no `node:assert`.

export class CheckFailed extends Error {}

export function ok(value: unknown, message = 'expected a truthy value'): asserts value {
  if (!value) throw new CheckFailed(message);
}

export function equal<T>(actual: T, expected: T, message?: string): void {
  if (actual !== expected)
    throw new CheckFailed(
      `${message ? `${message}: ` : ''}expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
    );
}

export function match(actual: string, pattern: RegExp, message?: string): void {
  if (!pattern.test(actual))
    throw new CheckFailed(
      `${message ? `${message}: ` : ''}${JSON.stringify(actual)} does not match ${pattern}`,
    );
}
