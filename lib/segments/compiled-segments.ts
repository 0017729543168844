/**
 * A workspace's dynamic segments, parsed and compiled once per rule version and kept briefly in
 * memory: evaluation runs on every contact change, definitions change rarely.
 */
import type { Condition } from '../conditions/condition.schema.ts';
import { parseCondition } from '../conditions/condition.schema.ts';
import { type Dependencies, dependencies } from '../conditions/dependencies.ts';
import { compile, type Evaluator } from '../conditions/evaluate.ts';
import type { SegmentRecord } from './segment.schema.ts';
import type { SegmentsRepository } from './segments.repository.ts';

export interface CompiledSegment {
  readonly segment: SegmentRecord;
  readonly condition: Condition;
  readonly evaluate: Evaluator;
  readonly reads: Dependencies;
}

const compiled = new Map<string, CompiledSegment>();
const byWorkspace = new Map<string, { until: number; segments: CompiledSegment[] }>();
/** Bumped by each forget: a list read before it is not cached after it (it may miss the change). */
const generations = new Map<string, number>();
const CACHE_MS = 30_000;

export const compileSegment = (segment: SegmentRecord): CompiledSegment | undefined => {
  if (segment.kind !== 'dynamic' || segment.condition === undefined) return undefined;
  const key = `${segment.workspaceId}/${segment.id}/${segment.ruleVersion}`;
  const hit = compiled.get(key);
  if (hit) return hit;
  const condition = parseCondition(segment.condition);
  const entry = { segment, condition, evaluate: compile(condition), reads: dependencies(condition) };
  compiled.set(key, entry);
  return entry;
};

export const dynamicSegments = async (
  workspaceId: string,
  deps: { segments: Pick<SegmentsRepository, 'list'> },
  fresh = false,
): Promise<CompiledSegment[]> => {
  const hit = byWorkspace.get(workspaceId);
  if (hit && hit.until > Date.now() && !fresh) return hit.segments;
  const generation = generations.get(workspaceId) ?? 0;
  const segments = (await deps.segments.list(workspaceId)).flatMap((s) => compileSegment(s) ?? []);
  if ((generations.get(workspaceId) ?? 0) === generation)
    byWorkspace.set(workspaceId, { until: Date.now() + CACHE_MS, segments });
  return segments;
};

/** Forget a workspace's cached definitions (after a change in this process). */
export const forgetSegments = (workspaceId: string) => {
  generations.set(workspaceId, (generations.get(workspaceId) ?? 0) + 1);
  byWorkspace.delete(workspaceId);
};
