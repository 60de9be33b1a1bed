/** A small, strict argument parser: positionals plus `--flag value`, `-o value` and boolean flags. */

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string | true>;
}

export class UsageError extends Error {}

/**
 * `valued` lists the options that take a value (by every spelling, e.g. `-o`, `--out`);
 * `aliases` maps short spellings to the long name they stand for.
 */
export function parseArgs(
  argv: string[],
  spec: { valued: string[]; flags: string[]; aliases?: Record<string, string> },
): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [rawName, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const name = spec.aliases?.[rawName] ?? rawName;
    if (spec.valued.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`${rawName} needs a value`);
      options.set(name, value);
    } else if (spec.flags.includes(name)) {
      options.set(name, true);
    } else {
      throw new UsageError(`unknown option ${rawName}`);
    }
  }
  return { positionals, options };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  return typeof value === 'string' ? value : undefined;
}
