import type { OccurrenceScope, TaskPriorityName, TaskStatusName } from '../../common/calendar';
import type { CallDirectionName, CallStatusName } from '../../common/calls';
import { i18n } from './index';

/**
 * A list of values the API takes (an enum of `common/`) with the catalog key of each value's
 * label, and the fields that hold it (the last member of an error's pointer, the name in
 * `filter[…]`). Keyed by the enum's type, so a value added there without a label does not
 * compile; only types are imported: this module is on the sign-in page, the schemas are not.
 */
type LabelledValues = { labels: Readonly<Record<string, string>>; fields: readonly string[] };

const labelledValues: readonly LabelledValues[] = [
  {
    labels: {
      low: 'tasks:priority.low',
      normal: 'tasks:priority.normal',
      high: 'tasks:priority.high',
    } satisfies Record<TaskPriorityName, string>,
    fields: ['priority'],
  },
  {
    labels: {
      open: 'tasks:status.open',
      in_progress: 'tasks:status.in_progress',
      closed: 'tasks:status.closed',
    } satisfies Record<TaskStatusName, string>,
    fields: ['status'],
  },
  {
    labels: {
      in_progress: 'activities:call.statusInProgress',
      completed: 'activities:call.statusCompleted',
    } satisfies Record<CallStatusName, string>,
    fields: ['callStatus'],
  },
  {
    labels: {
      incoming: 'activities:call.incoming',
      outgoing: 'activities:call.outgoing',
    } satisfies Record<CallDirectionName, string>,
    fields: ['direction'],
  },
  {
    labels: {
      this: 'calendar:scope.this',
      following: 'calendar:scope.following',
      all: 'calendar:scope.all',
    } satisfies Record<OccurrenceScope, string>,
    fields: ['scope'],
  },
];

/** Where an error's values were refused, as the field's name (`priority` of `/data/attributes/priority` or `filter[priority]`). */
export function fieldNameOf(where: string | undefined): string | undefined {
  if (!where) return undefined;
  const filter = /^filter\[([^\]]+)\]/.exec(where);
  if (filter) return filter[1];
  return where.split('/').filter(Boolean).pop();
}

/**
 * The catalog keys of the allowed values of an error, when the catalog labels them: a setting's
 * choices by its key (`setting_invalid` with `key`), else the list of `common/` that holds every
 * value — the one of the field when it names one (`status` of a task, not of a call). Undefined
 * when no list holds them all (a sort field, a JSON:API type: their names are what one types).
 */
function labelKeys(
  values: readonly string[],
  context: LabelContext,
): ((value: string) => string) | undefined {
  if (typeof context.settingKey === 'string') {
    const settingKey = context.settingKey;
    return (value) => `settings:options.${settingKey}.${value}`;
  }
  const holding = labelledValues.filter((list) => values.every((value) => Object.hasOwn(list.labels, value)));
  const ofField = context.field
    ? holding.find((list) => list.fields.includes(context.field ?? ''))
    : undefined;
  const labels = (ofField ?? holding[0])?.labels;
  return labels ? (value) => labels[value] ?? value : undefined;
}

/** What tells which list an error's allowed values come from. */
export type LabelContext = { field?: string | undefined; settingKey?: unknown };

/**
 * The allowed values of an error as the reader's language names them: each by its catalog label
 * where the catalog has one (task priority "Hoch", a setting's choice "Sonntag"; a namespace not
 * loaded yet leaves the value as it is), the others as they are — what one types in the API.
 */
export function allowedValueLabels(values: readonly unknown[], context: LabelContext): string[] {
  const texts = values.map(String);
  const keyOf = labelKeys(texts, context);
  if (!keyOf) return texts;
  return texts.map((value) => {
    const key = keyOf(value);
    return i18n.exists(key) ? i18n.t(key as never) : value;
  });
}
