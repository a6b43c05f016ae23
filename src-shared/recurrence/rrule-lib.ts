import * as rruleModule from 'rrule';

type RRuleModule = typeof rruleModule;

// rrule's "main" is a UMD bundle: under plain Node ESM its exports sit only on `default`.
const lib: RRuleModule =
  (rruleModule as Partial<RRuleModule>).RRule !== undefined
    ? rruleModule
    : (rruleModule as unknown as { default: RRuleModule }).default;

export const RRule = lib.RRule;
