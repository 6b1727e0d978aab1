/**
 * Turns a zod issue into the one-line problem a user reads: what was found, what was expected,
 * and the nearest valid spelling when there is one.
 */
import type * as z from 'zod/mini';
import { componentSchema, connectionSchema, noteSchema, specSchema } from './schema.js';
import { didYouMean } from './suggest.js';

type Issue = z.core.$ZodIssue;

/** RFC 6901 pointer for an issue path: ["connections", 4, "to"] → "/connections/4/to". */
export function pointer(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('') || '/';
}

/** Keys the object at `path` accepts, for suggestions on an unknown key. */
function knownKeys(path: ReadonlyArray<PropertyKey>): string[] {
  if (path.length === 0) return Object.keys(specSchema.shape).filter((k) => k !== '$schema');
  if (path.length === 2) {
    switch (path[0]) {
      case 'components':
        return Object.keys(componentSchema.shape);
      case 'connections':
        return Object.keys(connectionSchema.shape);
      case 'notes':
        return Object.keys(noteSchema.shape);
      case 'legend':
        return ['text', 'refs'];
    }
  }
  return [];
}

/** A short description of a value as found in the file. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      // JSON quoting shows control characters and quotes visibly.
      return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'a mapping';
    default:
      return typeof value;
  }
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a text',
  number: 'a number',
  array: 'a list',
  object: 'a mapping',
  boolean: 'true or false',
};

export interface Located {
  readonly path: ReadonlyArray<PropertyKey>;
  readonly problem: string;
}

export function describeIssue(issue: Issue): Located {
  const path = issue.path;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      const allowed = knownKeys(path);
      const near = didYouMean(key, allowed);
      return {
        path,
        problem: `unknown key "${key}"${near || (allowed.length ? ` (allowed: ${allowed.join(', ')})` : '')}`,
      };
    }
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      if (issue.input === undefined) {
        const key = path[path.length - 1];
        return { path: path.slice(0, -1), problem: `missing required key "${String(key)}" (${expected})` };
      }
      return { path, problem: `expected ${expected}, found ${describeValue(issue.input)}` };
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      const near = typeof issue.input === 'string' ? didYouMean(issue.input, options) : '';
      return { path, problem: `found ${describeValue(issue.input)}, expected one of ${options.join(', ')}${near}` };
    }
    case 'invalid_union': {
      // The branch that got furthest into the value is the one the author meant.
      const branches = issue.errors
        .map((errors) => errors[0])
        .filter((first): first is Issue => first !== undefined && !(first.code === 'invalid_type' && first.path.length === 0));
      branches.sort((a, b) => b.path.length - a.path.length);
      const meant = branches[0];
      if (meant) return describeIssue({ ...meant, path: [...path, ...meant.path] } as Issue);
      const expected =
        path[path.length - 1] === 'from'
          ? 'a component id or a list of ids'
          : path[0] === 'legend'
            ? 'a text or a mapping with "text" and "refs"'
            : 'one of the allowed forms';
      return { path, problem: `expected ${expected}, found ${describeValue(issue.input)}` };
    }
    case 'invalid_format':
    case 'too_big':
    case 'too_small':
      return {
        path,
        problem:
          issue.input === undefined || Array.isArray(issue.input) ? issue.message : `${issue.message}; found ${describeValue(issue.input)}`,
      };
    default:
      return { path, problem: issue.message };
  }
}
