/**
 * The checks a journey's steps need as a whole, each issue at the path of what is wrong: step ids
 * are unique; every follower names a step; no step leads back to itself (a run always ends); every
 * step can be reached from the first; a key to the trigger needs a trigger with data (an event).
 * Also the order of steps from the first (`stepOrder`), for diagrams and reports.
 */
import type * as z from 'zod';

interface GraphStep {
  readonly id: string;
  readonly type: string;
  readonly next?: string | undefined;
  readonly ifTrue?: string | undefined;
  readonly ifFalse?: string | undefined;
  readonly onEvent?: string | undefined;
  readonly onTimeout?: string | undefined;
  readonly paths?: readonly { readonly next?: string | undefined }[];
  readonly key?: unknown;
}

interface GraphDocument {
  readonly trigger: { readonly type: string };
  readonly goal?: { readonly key?: unknown } | undefined;
  readonly quietHours?: { readonly from: string; readonly to: string } | undefined;
  readonly steps: readonly GraphStep[];
}

/** Each step a step may lead to, with the path of the field that names it. */
export const followers = (step: GraphStep): { readonly path: (string | number)[]; readonly id: string }[] => {
  const out: { path: (string | number)[]; id: string }[] = [];
  for (const field of ['next', 'ifTrue', 'ifFalse', 'onEvent', 'onTimeout'] as const) {
    const id = step[field];
    if (id !== undefined) out.push({ path: [field], id });
  }
  step.paths?.forEach((p, i) => {
    if (p.next !== undefined) out.push({ path: ['paths', i, 'next'], id: p.next });
  });
  return out;
};

/** Step ids in the order a walk from the first step meets them (each once). */
export const stepOrder = (steps: readonly GraphStep[]): string[] => {
  const byId = new Map<string, GraphStep>();
  for (const s of steps) if (!byId.has(s.id)) byId.set(s.id, s);
  const seen = new Set<string>();
  const walk = (id: string | undefined) => {
    const step = id === undefined ? undefined : byId.get(id);
    if (!step || seen.has(step.id)) return;
    seen.add(step.id);
    for (const f of followers(step)) walk(f.id);
  };
  walk(steps[0]?.id);
  return [...seen];
};

export const checkGraph = (doc: GraphDocument, ctx: z.RefinementCtx): void => {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  const index = new Map<string, number>();
  doc.steps.forEach((step, i) => {
    if (index.has(step.id)) issue(['steps', i, 'id'], `step id ${step.id} is used twice`);
    else index.set(step.id, i);
  });
  doc.steps.forEach((step, i) => {
    for (const f of followers(step))
      if (!index.has(f.id)) issue(['steps', i, ...f.path], `no step ${f.id}`);
      else if (f.id === step.id) issue(['steps', i, ...f.path], 'a step cannot follow itself');
    if (step.key !== undefined && doc.trigger.type !== 'event')
      issue(['steps', i, 'key'], 'a key matches a value of the trigger event: the trigger must be an event');
  });
  if (doc.goal?.key !== undefined && doc.trigger.type !== 'event')
    issue(['goal', 'key'], 'a key matches a value of the trigger event: the trigger must be an event');
  if (doc.quietHours && doc.quietHours.from === doc.quietHours.to)
    issue(['quietHours', 'to'], 'quiet hours end when they start: leave quietHours out for none');

  // Cycles: a depth-first walk that meets a step on its own path.
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): void => {
    const i = index.get(id);
    const step = i === undefined ? undefined : doc.steps[i];
    if (!step || i === undefined) return;
    state.set(id, 'open');
    for (const f of followers(step)) {
      if (f.id === id) continue;
      const s = state.get(f.id);
      if (s === 'open')
        issue(['steps', i, ...f.path], `leads back to ${f.id}: a journey's steps cannot loop`);
      else if (s === undefined) visit(f.id);
    }
    state.set(id, 'done');
  };
  for (const step of doc.steps) if (!state.has(step.id)) visit(step.id);

  const reached = new Set(stepOrder(doc.steps));
  doc.steps.forEach((step, i) => {
    if (!reached.has(step.id) && index.get(step.id) === i)
      issue(['steps', i, 'id'], `step ${step.id} is never reached from the first step`);
  });
};
