import { describe, expect, it } from 'vitest';
import type { MenuItemView } from '../../../common/menus';
import { dropFor, moveFor } from './moves';

const item = (
  key: string,
  parent: string | null,
  position: number,
  level: number,
  divider = false,
): MenuItemView => ({
  key,
  parent,
  position,
  level,
  label: key,
  defaultLabel: key,
  url: divider ? null : `/${key}`,
  action: null,
  divider,
  hidden: false,
  custom: false,
  deletable: false,
  changed: false,
});

// a, b (b1 → b1x), c, divider
const items = [
  item('a', null, 0, 1),
  item('b', null, 1, 1),
  item('b1', 'b', 0, 2),
  item('b1x', 'b1', 0, 3),
  item('c', null, 2, 1),
  item('d', null, 3, 1, true),
  item('e', null, 4, 1),
];
const byKey = (key: string) => items.find((candidate) => candidate.key === key) as MenuItemView;

describe('menu moves by keyboard', () => {
  it('moves up and down among siblings, not past the ends', () => {
    expect(moveFor(items, byKey('a'), 'moveUp')).toBeNull();
    expect(moveFor(items, byKey('a'), 'moveDown')).toEqual({ position: 1 });
    expect(moveFor(items, byKey('e'), 'moveDown')).toBeNull();
    expect(moveFor(items, byKey('b1'), 'moveUp')).toBeNull();
  });

  it('indents under the sibling above within three levels, never under a divider', () => {
    expect(moveFor(items, byKey('c'), 'indent')).toEqual({ parent: 'b', position: 1 });
    expect(moveFor(items, byKey('a'), 'indent')).toBeNull();
    expect(moveFor(items, byKey('e'), 'indent')).toBeNull();
    // b (height 3) under a would reach level 4.
    expect(moveFor(items, byKey('b'), 'indent')).toBeNull();
  });

  it('outdents to just after the parent', () => {
    expect(moveFor(items, byKey('b1'), 'outdent')).toEqual({ parent: null, position: 2 });
    expect(moveFor(items, byKey('a'), 'outdent')).toBeNull();
  });
});

describe('menu moves by dragging', () => {
  it("takes the target's place, after it when dragged down, never into its own subtree", () => {
    expect(dropFor(items, 'a', 'c')).toEqual({ parent: null, position: 2 });
    expect(dropFor(items, 'e', 'a')).toEqual({ parent: null, position: 0 });
    expect(dropFor(items, 'c', 'b1')).toEqual({ parent: 'b', position: 0 });
    expect(dropFor(items, 'a', 'b1')).toEqual({ parent: 'b', position: 1 });
    expect(dropFor(items, 'b', 'b1x')).toBeNull();
    expect(dropFor(items, 'a', 'a')).toBeNull();
  });
});
