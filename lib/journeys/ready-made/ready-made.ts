/**
 * What a ready-made journey is: a journey document built from the shipped templates, a function of a
 * few options a marketer may set (each with a default), with its name and description in every
 * shipped locale. `readyMade` closes over the options' schema, so the catalogue holds journeys whose
 * options differ behind one shape: `document(rawOptions, locale)` validates the options (issues named
 * by option) and builds the document in the workspace's language.
 */
import type * as z from 'zod';
import { type FieldIssue, ValidationError } from '../../shared/errors.ts';
import type { ShippedLocale } from '../../workspaces/email-settings.schema.ts';
import type { JourneyDefinition } from '../journey-definition.schema.ts';

export interface ReadyMadeText {
  readonly title: string;
  readonly description: string;
}

export interface ReadyMade {
  /** Lower-case, `-` between words: the path segment of `POST /v1/journeys/ready-made/{name}`. */
  readonly name: string;
  /** The shipped templates its email steps name, installed when missing. */
  readonly templates: readonly string[];
  readonly text: Readonly<Record<ShippedLocale, ReadyMadeText>>;
  /** The options' schema (a strict object, each option with its default). */
  readonly options: z.ZodType;
  /** The journey for options as received, named in `locale`; a wrong option is a ValidationError. */
  readonly document: (options: unknown, locale: ShippedLocale) => JourneyDefinition;
  /** The lifecycle stages the journey names, by the option that names each (checked at switch-on). */
  readonly stages: (options: unknown) => readonly { readonly option: string; readonly stage: string }[];
}

const optionIssues = (name: string, error: z.ZodError): FieldIssue[] =>
  error.issues.flatMap((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({
        path: path ? `${path}.${key}` : key,
        message: `is not an option of the ${name} journey`,
      }));
    return [{ path: path || '(body)', message: issue.message }];
  });

export const readyMade = <S extends z.ZodType>(spec: {
  readonly name: string;
  readonly templates: readonly string[];
  readonly text: Readonly<Record<ShippedLocale, ReadyMadeText>>;
  readonly options: S;
  readonly build: (options: z.output<S>, text: ReadyMadeText) => JourneyDefinition;
  readonly stages?: (options: z.output<S>) => readonly { readonly option: string; readonly stage: string }[];
}): ReadyMade => {
  const parse = (raw: unknown): z.output<S> => {
    const parsed = spec.options.safeParse(raw ?? {});
    if (parsed.success) return parsed.data;
    const issues = optionIssues(spec.name, parsed.error);
    throw new ValidationError(`invalid ${issues[0]?.path}: ${issues[0]?.message}`, issues, {
      cause: parsed.error,
    });
  };
  return {
    name: spec.name,
    templates: spec.templates,
    text: spec.text,
    options: spec.options,
    document: (raw, locale) => spec.build(parse(raw), spec.text[locale]),
    stages: (raw) => spec.stages?.(parse(raw)) ?? [],
  };
};
