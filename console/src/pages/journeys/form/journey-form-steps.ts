/**
 * Editing the builder's list of steps, immutably: a new step of a kind (with a fresh id), removing
 * one (steps and split paths that jumped to it go on to the following step instead), moving one up
 * or down, and renaming one (jumps to it follow the new id).
 */
import { newGroup } from '../../../conditions/builder-model.ts';
import {
  END_RUN,
  FOLLOWING,
  type JourneyForm,
  newSplitPath,
  rowKey,
  type StepForm,
  type StepType,
} from './journey-form-model.ts';

const ID_PREFIX: Record<StepType, string> = {
  email: 'email',
  wait: 'wait',
  waitUntil: 'wait-until',
  waitForEvent: 'wait-for',
  branch: 'check',
  split: 'split',
  update: 'update',
  emit: 'signal',
  webhook: 'webhook',
  exit: 'exit',
};

/** `email-2`: the kind's prefix and the first number no step of the list has yet. */
export const freshStepId = (type: StepType, steps: readonly StepForm[]): string => {
  const taken = new Set(steps.map((s) => s.id));
  for (let n = 1; ; n++) {
    const id = `${ID_PREFIX[type]}-${n}`;
    if (!taken.has(id)) return id;
  }
};

export const newStep = (type: StepType, steps: readonly StepForm[]): StepForm => {
  const base = { key: rowKey(), id: freshStepId(type, steps) };
  switch (type) {
    case 'email':
      return { ...base, type, templateId: '', version: '', next: FOLLOWING };
    case 'wait':
      return { ...base, type, duration: { amount: '1', unit: 'days' }, next: FOLLOWING };
    case 'waitUntil':
      return { ...base, type, time: '09:00', days: [], next: FOLLOWING };
    case 'waitForEvent':
      return {
        ...base,
        type,
        event: '',
        where: [],
        keyEvent: '',
        keyTrigger: '',
        timeout: { amount: '1', unit: 'days' },
        onEvent: END_RUN,
        onTimeout: FOLLOWING,
      };
    case 'branch':
      return { ...base, type, condition: newGroup('all'), ifTrue: FOLLOWING, ifFalse: END_RUN };
    case 'split':
      // Both paths go on to the following step until the marketer points one elsewhere.
      return { ...base, type, paths: [newSplitPath(FOLLOWING), newSplitPath(FOLLOWING)] };
    case 'update':
      return { ...base, type, addTags: '', removeTags: '', attributes: [], stage: '', next: FOLLOWING };
    case 'emit':
      return { ...base, type, name: '', properties: [], next: FOLLOWING };
    case 'webhook':
      return { ...base, type, endpointId: '', next: FOLLOWING };
    case 'exit':
      return { ...base, type };
  }
};

/** The targets of a step (the fields that name where it leads), each mapped by `f`. */
const mapTargets = (step: StepForm, f: (target: string) => string): StepForm => {
  switch (step.type) {
    case 'waitForEvent':
      return { ...step, onEvent: f(step.onEvent), onTimeout: f(step.onTimeout) };
    case 'branch':
      return { ...step, ifTrue: f(step.ifTrue), ifFalse: f(step.ifFalse) };
    case 'split':
      return { ...step, paths: step.paths.map((path) => ({ ...path, next: f(path.next) })) };
    case 'exit':
      return step;
    default:
      return { ...step, next: f(step.next) };
  }
};

const withSteps = (form: JourneyForm, steps: readonly StepForm[]): JourneyForm => ({ ...form, steps });

export const insertStep = (form: JourneyForm, index: number, type: StepType): JourneyForm => {
  const steps = [...form.steps];
  steps.splice(index, 0, newStep(type, form.steps));
  return withSteps(form, steps);
};

export const removeStep = (form: JourneyForm, index: number): JourneyForm => {
  const gone = form.steps[index]?.id;
  return withSteps(
    form,
    form.steps
      .filter((_, i) => i !== index)
      .map((s) => mapTargets(s, (target) => (target === gone ? FOLLOWING : target))),
  );
};

export const moveStep = (form: JourneyForm, index: number, by: -1 | 1): JourneyForm => {
  const to = index + by;
  const moving = form.steps[index];
  if (!moving || to < 0 || to >= form.steps.length) return form;
  const steps = form.steps.filter((_, i) => i !== index);
  steps.splice(to, 0, moving);
  return withSteps(form, steps);
};

export const replaceStep = (form: JourneyForm, index: number, step: StepForm): JourneyForm => {
  const old = form.steps[index];
  if (!old) return form;
  const renamed = old.id !== step.id;
  return withSteps(
    form,
    form.steps.map((s, i) => {
      const current = i === index ? step : s;
      return renamed ? mapTargets(current, (target) => (target === old.id ? step.id : target)) : current;
    }),
  );
};
