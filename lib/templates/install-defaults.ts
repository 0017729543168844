/**
 * Installs the shipped templates (templates/) into a workspace: each goes through the same save as a
 * marketer's template (Liquid checked, MJML compiled). A template the workspace already has is kept,
 * unless asked to overwrite, which saves a new version (earlier versions stay). Two installs at once
 * install each template once: the one that loses the race keeps what the other installed.
 */

import { SHIPPED_TEMPLATES, type ShippedTemplate } from '../../templates/index.ts';
import { ConflictError } from '../shared/errors.ts';
import type { TemplateCompiler } from './compile-template.ts';
import { saveTemplate, type TemplateDeps } from './manage-templates.ts';

export interface InstallRequest {
  readonly overwrite?: boolean | undefined;
  /** Only these shipped templates (by id); all when absent. */
  readonly only?: readonly string[] | undefined;
}

export const installDefaults = async (
  workspaceId: string,
  request: InstallRequest,
  deps: TemplateDeps & { readonly compiler: TemplateCompiler },
  shipped: readonly ShippedTemplate[] = SHIPPED_TEMPLATES,
): Promise<{ installed: { id: string; version: number }[]; kept: string[] }> => {
  const installed: { id: string; version: number }[] = [];
  const kept: string[] = [];
  for (const template of shipped) {
    if (request.only && !request.only.includes(template.id)) continue;
    const existing = await deps.templates.get(workspaceId, template.id);
    if (existing && !request.overwrite) {
      kept.push(template.id);
      continue;
    }
    const source = {
      name: template.name,
      kind: template.kind,
      ...(template.topic !== undefined ? { topic: template.topic } : {}),
      locales: template.locales,
    };
    try {
      const saved = await saveTemplate(workspaceId, template.id, source, deps, {
        createOnly: !request.overwrite,
      });
      installed.push({ id: template.id, version: saved.version.version });
    } catch (error) {
      // Installed by a concurrent install meanwhile: kept as well.
      if (request.overwrite || !(error instanceof ConflictError)) throw error;
      kept.push(template.id);
    }
  }
  return { installed, kept };
};
