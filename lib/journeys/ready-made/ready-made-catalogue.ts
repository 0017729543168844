/**
 * The catalogue of ready-made journeys as a workspace sees it (`GET /v1/journeys/ready-made`): each
 * with its title and description in the workspace's default locale, the templates it uses, its
 * options with their defaults, the document it would create with them, and, once switched on, the
 * journey (its id and status).
 */
import * as z from 'zod';
import { journeyStatusSchema } from '../journey.schema.ts';
import type { JourneysRepository } from '../journeys.repository.ts';
import { type ReadyMadeDeps, readyMadeJourneyId, workspaceLocale } from './enable-ready-made.ts';
import { READY_MADE } from './index.ts';
import type { ReadyMade } from './ready-made.ts';

export const readyMadeCatalogueSchema = z.strictObject({
  locale: z.string().describe('the workspace’s default locale: the language of titles and journey names'),
  journeys: z.array(
    z.strictObject({
      name: z.string().describe('the name to switch it on with: `POST /v1/journeys/ready-made/{name}`'),
      title: z.string(),
      description: z.string(),
      templates: z.array(z.string()).describe('the shipped templates it sends (installed when missing)'),
      options: z.array(
        z.strictObject({
          name: z.string(),
          description: z.string(),
          default: z.unknown().describe('the value when the option is not given'),
        }),
      ),
      definition: z.unknown().describe('the journey document it creates with the default options'),
      journey: z
        .strictObject({ id: z.string(), status: journeyStatusSchema, version: z.number().int() })
        .optional()
        .describe('the journey, once switched on in this workspace'),
    }),
  ),
});
export type ReadyMadeCatalogue = z.infer<typeof readyMadeCatalogueSchema>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Each option of a ready-made journey, from its schema: name, description, default. */
export const optionsOf = (readyMade: ReadyMade) => {
  const schema = z.toJSONSchema(readyMade.options, { io: 'input', unrepresentable: 'any' });
  const properties: unknown = Reflect.get(schema, 'properties');
  if (typeof properties !== 'object' || properties === null) return [];
  return Object.entries(properties).map(([name, property]: [string, unknown]) => ({
    name,
    description: typeof property === 'object' && property ? text(Reflect.get(property, 'description')) : '',
    default: typeof property === 'object' && property ? (Reflect.get(property, 'default') ?? null) : null,
  }));
};

export const readyMadeCatalogue = async (
  workspaceId: string,
  deps: Pick<ReadyMadeDeps, 'workspaces'> & { readonly journeys: Pick<JourneysRepository, 'get'> },
): Promise<ReadyMadeCatalogue> => {
  const [locale, journeys] = await Promise.all([
    workspaceLocale(workspaceId, deps),
    Promise.all(READY_MADE.map((r) => deps.journeys.get(workspaceId, readyMadeJourneyId(r.name)))),
  ]);
  return {
    locale,
    journeys: READY_MADE.map((r, i) => {
      const journey = journeys[i];
      return {
        name: r.name,
        title: r.text[locale].title,
        description: r.text[locale].description,
        templates: [...r.templates],
        options: optionsOf(r),
        definition: r.document({}, locale),
        ...(journey ? { journey: { id: journey.id, status: journey.status, version: journey.version } } : {}),
      };
    }),
  };
};
