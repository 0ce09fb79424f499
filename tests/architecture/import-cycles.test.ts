import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFeatureGraph, describeCycle, type FeatureGraph, findCycles } from './feature-graph';

/**
 * Issue 11, item 4: no import cycle between features, on either side. A feature is a folder of
 * `server/features/` or `web/features/`; an edge is an import (static, dynamic or type-only) from
 * one folder's non-test module into another's. Shared pieces belong lower: `server/platform/`,
 * `common/`, `web/ui/`, or a feature both sides depend on; a registry (the Activity's kinds,
 * reminder kinds) lets a lower feature serve higher ones without importing them.
 */
const root = path.resolve(import.meta.dirname, '../..');

function cyclesOf(graph: FeatureGraph): string[] {
  return findCycles(graph).map((component) => describeCycle(graph, component));
}

describe('the feature import graph', () => {
  for (const side of ['server/features', 'web/features']) {
    it(`${side} has no cycle`, () => {
      const graph = buildFeatureGraph(path.join(root, side));
      // The scan sees the features and their edges (a broken scan would find no cycle either).
      expect(graph.size).toBeGreaterThan(10);
      expect([...graph.values()].some((edges) => edges.size > 0)).toBe(true);
      expect(cyclesOf(graph)).toEqual([]);
    });
  }

  it('sees the edges a feature imports, and names a cycle by its path', () => {
    const graph = buildFeatureGraph(path.join(root, 'server/features'));
    // users imports access (roles, the policy): an edge the scan must find.
    expect(graph.get('users')?.has('access')).toBe(true);
    // A made-up graph: one cycle of three features, and a feature outside it that leans on it.
    const withCycle: FeatureGraph = new Map([
      ['access', new Set(['users'])],
      ['users', new Set(['audit'])],
      ['audit', new Set(['access'])],
      ['tasks', new Set(['users'])],
    ]);
    expect(cyclesOf(withCycle)).toEqual(['access → users → audit → access']);
    expect(
      cyclesOf(
        new Map([
          ['a', new Set(['b'])],
          ['b', new Set<string>()],
        ]),
      ),
    ).toEqual([]);
  });
});
