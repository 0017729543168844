/**
 * Reads a journey document's steps for the diagram, defensively (the API types the document as
 * unknown): each step's id, type and where it leads (`next`, branch sides, event or timeout, split
 * paths with their share of the runs, a holdout's included), with the edge's kind so the diagram can
 * name it.
 */
export type StepEdge =
  | { readonly kind: 'next' | 'ifTrue' | 'ifFalse' | 'onEvent' | 'onTimeout'; readonly to: string }
  /** A split's path (`path`: its place in the split): its share of the runs in whole percent. */
  | { readonly kind: 'path'; readonly path: number; readonly to: string; readonly share: number }
  /** A split's path with no step: that share of the runs ends there (a holdout). */
  | { readonly kind: 'pathEnd'; readonly path: number; readonly share: number };

export interface DiagramStep {
  readonly id: string;
  readonly type: string;
  readonly edges: readonly StepEdge[];
  readonly templateId?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const journeySteps = (definition: unknown): DiagramStep[] => {
  if (!isRecord(definition) || !Array.isArray(definition.steps)) return [];
  return definition.steps.flatMap((step): DiagramStep[] => {
    if (!isRecord(step) || typeof step.id !== 'string' || typeof step.type !== 'string') return [];
    const edges: StepEdge[] = [];
    for (const kind of ['next', 'ifTrue', 'ifFalse', 'onEvent', 'onTimeout'] as const) {
      const to = step[kind];
      if (typeof to === 'string') edges.push({ kind, to });
    }
    if (Array.isArray(step.paths)) {
      const paths = step.paths.filter(isRecord);
      const weightOf = (path: Record<string, unknown>) =>
        typeof path.weight === 'number' && path.weight > 0 ? path.weight : 0;
      const total = paths.reduce((sum, path) => sum + weightOf(path), 0);
      paths.forEach((path, index) => {
        const share = total > 0 ? Math.round((weightOf(path) * 100) / total) : 0;
        edges.push(
          typeof path.next === 'string'
            ? { kind: 'path', path: index, to: path.next, share }
            : { kind: 'pathEnd', path: index, share },
        );
      });
    }
    const template =
      isRecord(step.template) && typeof step.template.templateId === 'string'
        ? step.template.templateId
        : undefined;
    return [{ id: step.id, type: step.type, edges, ...(template ? { templateId: template } : {}) }];
  });
};

/** The trigger's type, for the diagram's first box. */
export const triggerType = (definition: unknown): string | undefined =>
  isRecord(definition) && isRecord(definition.trigger) && typeof definition.trigger.type === 'string'
    ? definition.trigger.type
    : undefined;
