/** The workspace's scoring model (one per workspace, `W#<ws>` / `SCM`); the defaults when none is set. */

import * as z from 'zod';
import { GetCommand, PutCommand } from '../shared/dynamodb/commands.ts';
import { keys } from '../shared/keys.ts';
import { readItem, type Table } from '../shared/table.ts';
import { parseScoringModel, type ScoringModel } from './scoring-model.schema.ts';

const record = z.object({
  type: z.literal('scoringModel'),
  v: z.literal(1),
  model: z.unknown(),
  updatedAt: z.string(),
});

const cache = new Map<string, { until: number; model: ScoringModel }>();
const CACHE_MS = 30_000;

export const scoringModelsRepository = (table: Table) => ({
  /** The model document as stored (undefined when the workspace uses the defaults). */
  async getDocument(workspaceId: string): Promise<unknown> {
    const { Item } = await table.client.send(
      new GetCommand({ TableName: table.name, Key: keys.scoringModel(workspaceId) }),
    );
    return Item ? readItem(record, Item, 'scoring model').model : undefined;
  },

  /** The parsed model, cached briefly; the defaults when none is set. */
  async get(workspaceId: string): Promise<ScoringModel> {
    const hit = cache.get(workspaceId);
    if (hit && hit.until > Date.now()) return hit.model;
    const doc = await this.getDocument(workspaceId);
    const model = parseScoringModel(doc ?? {});
    cache.set(workspaceId, { until: Date.now() + CACHE_MS, model });
    return model;
  },

  async put(workspaceId: string, doc: unknown, at: string): Promise<ScoringModel> {
    const model = parseScoringModel(doc);
    await table.client.send(
      new PutCommand({
        TableName: table.name,
        Item: { ...keys.scoringModel(workspaceId), type: 'scoringModel', v: 1, model: doc, updatedAt: at },
      }),
    );
    cache.delete(workspaceId);
    return model;
  },
});

export type ScoringModelsRepository = ReturnType<typeof scoringModelsRepository>;
