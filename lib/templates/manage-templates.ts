/** Template use cases: save a new version, read, list, delete. */
import type { Clock } from '../shared/clock.ts';
import { ConflictError, NotFoundError } from '../shared/errors.ts';
import { SHIPPED_LOCALES } from '../workspaces/email-settings.schema.ts';
import { compileTemplate, type TemplateCompiler } from './compile-template.ts';
import type { SaveTemplateInput, TemplateRecord, TemplateVersionRecord } from './template.schema.ts';
import type { TemplatesRepository } from './templates.repository.ts';

export interface TemplateDeps {
  readonly templates: TemplatesRepository;
  readonly clock: Clock;
}

/**
 * Compiles and stores a new version; the first save creates the template. `createOnly`: only if the
 * workspace has no such template yet (checked again after compiling, and by the write itself), else a
 * ConflictError: how shipped templates are installed without a second version when two installs race.
 */
export const saveTemplate = async (
  workspaceId: string,
  templateId: string,
  input: SaveTemplateInput,
  deps: TemplateDeps & { readonly compiler: TemplateCompiler },
  options: { readonly createOnly?: boolean } = {},
): Promise<{ template: TemplateRecord; version: TemplateVersionRecord; created: boolean }> => {
  const locales = await compileTemplate(input, deps.compiler);
  const previous = await deps.templates.get(workspaceId, templateId);
  if (previous && options.createOnly) throw new ConflictError(`template ${templateId} exists already`);
  const now = deps.clock.now().toISOString();
  const number = (previous?.latestVersion ?? 0) + 1;
  const version: TemplateVersionRecord = {
    type: 'templateVersion',
    v: 1,
    workspaceId,
    templateId,
    version: number,
    name: input.name,
    kind: input.kind,
    ...(input.topic !== undefined ? { topic: input.topic } : {}),
    locales,
    createdAt: now,
  };
  const template: TemplateRecord = {
    type: 'template',
    v: 1,
    workspaceId,
    id: templateId,
    name: input.name,
    ...(input.description !== undefined ? { description: input.description } : {}),
    kind: input.kind,
    ...(input.topic !== undefined ? { topic: input.topic } : {}),
    latestVersion: number,
    locales: SHIPPED_LOCALES.filter((l) => locales[l] !== undefined),
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
  };
  if (!(await deps.templates.saveVersion(template, version, previous?.latestVersion))) {
    throw new ConflictError(
      `template ${templateId} was saved by someone else meanwhile: read it and save again`,
    );
  }
  return { template, version, created: previous === undefined };
};

type Reader = { readonly templates: Pick<TemplatesRepository, 'get' | 'getVersion'> };

export const getLiveTemplate = async (
  workspaceId: string,
  templateId: string,
  deps: Reader,
): Promise<TemplateRecord> => {
  const head = await deps.templates.get(workspaceId, templateId);
  if (!head) throw new NotFoundError(`no template ${templateId}`);
  return head;
};

/** A version of a live template: the latest, or the one asked for. */
export const getTemplateVersion = async (
  workspaceId: string,
  templateId: string,
  version: number | undefined,
  deps: Reader,
): Promise<TemplateVersionRecord> => {
  const head = await getLiveTemplate(workspaceId, templateId, deps);
  const wanted = version ?? head.latestVersion;
  const found =
    wanted <= head.latestVersion
      ? await deps.templates.getVersion(workspaceId, templateId, wanted)
      : undefined;
  if (!found) throw new NotFoundError(`template ${templateId} has no version ${wanted}`);
  return found;
};
