import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, nearest } from '../../src/spec/suggest.js';

describe('suggestions', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('lable', 'label')).toBe(1);
    expect(editDistance('manfest', 'manifest')).toBe(1);
  });

  it('suggests only plausible near misses', () => {
    expect(nearest('manfest', ['manifest', 'registry', 'volume'])).toEqual(['manifest']);
    expect(nearest('xyz', ['manifest', 'registry'])).toEqual([]);
    // A longer name containing a short one suggests it only when the short one is a word.
    expect(nearest('database-server', ['database', 'server', 'db'])).toEqual(['database', 'server']);
    expect(nearest('not-an-icon-xyz', ['x', 'box'])).toEqual([]);
  });

  it('phrases one or several suggestions', () => {
    expect(didYouMean('lable', ['label', 'role'])).toBe(' (did you mean "label"?)');
    expect(didYouMean('qqqq', ['label'])).toBe('');
  });
});
