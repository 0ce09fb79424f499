import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Feature → the features its (non-test) modules import, static, dynamic or type-only. */
export type FeatureGraph = Map<string, Set<string>>;

const isSourceFile = (name: string) =>
  /\.(ts|tsx)$/.test(name) &&
  !/\.d\.ts$/.test(name) &&
  !/\.test(-support)?\.tsx?$/.test(name) &&
  !/\.test\.tsx?$/.test(name);

function listSourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) return listSourceFiles(full);
    return isSourceFile(name) ? [full] : [];
  });
}

/**
 * Builds the graph of `<featuresRoot>/<feature>/…` folders from the import specifiers the
 * TypeScript scanner finds in each file (tests and test support left out: a test may reach into
 * any feature). Only relative specifiers can name another feature (the project has no aliases).
 */
export function buildFeatureGraph(featuresRoot: string): FeatureGraph {
  const root = path.resolve(featuresRoot);
  const featureOf = (file: string): string | undefined => {
    const relative = path.relative(root, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    const [first, ...rest] = relative.split(path.sep);
    return rest.length > 0 ? first : undefined;
  };
  const graph: FeatureGraph = new Map();
  for (const name of readdirSync(root)) {
    if (statSync(path.join(root, name)).isDirectory()) graph.set(name, new Set());
  }
  for (const file of listSourceFiles(root)) {
    const from = featureOf(file);
    if (from === undefined) continue;
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const to = featureOf(path.resolve(path.dirname(file), fileName));
      if (to !== undefined && to !== from) graph.get(from)?.add(to);
    }
  }
  return graph;
}

/** The graph's cycles: its strongly connected components of more than one node (Tarjan). */
export function findCycles(graph: FeatureGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    lowLink.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        lowLink.set(node, Math.min(lowLink.get(node) ?? 0, lowLink.get(next) ?? 0));
      } else if (onStack.has(next)) {
        lowLink.set(node, Math.min(lowLink.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (lowLink.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components;
}

/** One readable path around a component: `a → b → c → a`, following the graph's own edges. */
export function describeCycle(graph: FeatureGraph, component: string[]): string {
  const members = new Set(component);
  const start = component[0] ?? '';
  // Breadth-first from start back to start inside the component: the shortest loop through it.
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    for (const next of graph.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const loop = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = previous.get(at))
          loop.splice(1, 0, at);
        return [...loop, start].join(' → ');
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return component.join(', ');
}
