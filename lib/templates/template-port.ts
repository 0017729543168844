/**
 * The send path's view of templates (`TemplatePort` of lib/email/ports.ts): a version is read once
 * and kept by the container, parsed locale by locale on first use. Versions are immutable, so the
 * cache never goes stale; it is bounded so a container serving many workspaces stays small.
 */
import type { LoadedTemplate, TemplatePort, TemplateRef } from '../email/ports.ts';
import { loadVersion } from './render.ts';
import type { TemplatesRepository } from './templates.repository.ts';

const MAX_CACHED = 200;

export const templatePort = (deps: {
  readonly templates: Pick<TemplatesRepository, 'getVersion'>;
}): TemplatePort => {
  const cache = new Map<string, Promise<LoadedTemplate | undefined>>();
  return {
    load(workspaceId: string, ref: TemplateRef) {
      const key = `${workspaceId}/${ref.templateId}/${ref.version}`;
      const hit = cache.get(key);
      if (hit) {
        // Most recently used last, so the oldest entry is the one evicted.
        cache.delete(key);
        cache.set(key, hit);
        return hit;
      }
      const loading = deps.templates
        .getVersion(workspaceId, ref.templateId, ref.version)
        .then((v) => (v ? loadVersion(v) : undefined));
      cache.set(key, loading);
      // A failed or missing read is not kept: the next batch asks again.
      loading.then(
        (v) => v === undefined && cache.delete(key),
        () => cache.delete(key),
      );
      while (cache.size > MAX_CACHED) {
        const oldest = cache.keys().next().value;
        if (oldest === undefined) break;
        cache.delete(oldest);
      }
      return loading;
    },
  };
};
