/** Fills `{name}` placeholders; a missing value leaves the placeholder visible rather than blank. */
export type Params = Readonly<Record<string, string | number>>;

export const interpolate = (template: string, params?: Params): string =>
  params
    ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
    : template;

/** The placeholders of a message, sorted: catalogues must agree on them. */
export const placeholders = (template: string): string[] =>
  [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
