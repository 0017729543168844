/**
 * Reads a journey document's steps for the diagram, defensively (the API types the document as
 * unknown): each step's id, type and where it leads (`next`, branch sides, event or timeout, split
 * paths), with the edge's kind so the diagram can name it.
 */
export interface StepEdge {
  readonly kind: 'next' | 'ifTrue' | 'ifFalse' | 'onEvent' | 'onTimeout' | 'path';
  readonly to: string;
  readonly weight?: number;
}

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
    if (Array.isArray(step.paths))
      for (const path of step.paths)
        if (isRecord(path) && typeof path.next === 'string')
          edges.push({
            kind: 'path',
            to: path.next,
            ...(typeof path.weight === 'number' ? { weight: path.weight } : {}),
          });
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
