/**
 * A small, strict argument parser: positionals plus `--flag value`, `-o value`, boolean flags, and
 * options that may be given several times (`--map A=b --map C=d`).
 */

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string | true>;
  /** The values of the repeatable options, in the order given. */
  lists: Map<string, string[]>;
}

export class UsageError extends Error {}

/**
 * `valued` lists the options that take a value (by every spelling, e.g. `-o`, `--out`), `repeatable`
 * those that take a value and may be given more than once; `aliases` maps short spellings to the long
 * name they stand for.
 */
export function parseArgs(
  argv: string[],
  spec: { valued: string[]; flags: string[]; repeatable?: string[]; aliases?: Record<string, string> },
): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [rawName, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const name = spec.aliases?.[rawName] ?? rawName;
    if (spec.repeatable?.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`${rawName} needs a value`);
      lists.set(name, [...(lists.get(name) ?? []), value]);
    } else if (spec.valued.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`${rawName} needs a value`);
      options.set(name, value);
    } else if (spec.flags.includes(name)) {
      options.set(name, true);
    } else {
      throw new UsageError(`unknown option ${rawName}`);
    }
  }
  return { positionals, options, lists };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** Every value of a repeatable option, in the order given. */
export function listOption(args: ParsedArgs, name: string): string[] {
  return args.lists.get(name) ?? [];
}
