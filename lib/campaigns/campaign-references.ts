/**
 * What a campaign names must exist in its workspace: its segments, its template (a marketing one) and
 * version, its topic (in the workspace's email settings) and its sender domain. Checked when the
 * campaign is created or edited, and again when it is scheduled or started (a segment may have been
 * deleted meanwhile), which is also when a template named without a version gets its latest version
 * pinned. Every problem is reported at once, each naming its field.
 */

import type { SegmentRecord } from '../segments/segment.schema.ts';
import type { SenderDomain } from '../senders/sender-domain.schema.ts';
import { type FieldIssue, ValidationError } from '../shared/errors.ts';
import type { TemplateRecord, TemplateVersionRecord } from '../templates/template.schema.ts';
import type { Workspace } from '../workspaces/workspace.schema.ts';
import type { CampaignAudience } from './campaign.schema.ts';

/** The readers the checks need (the repositories of segments, templates, workspaces, sender domains). */
export interface ReferenceReaders {
  readonly segments: { get(workspaceId: string, segmentId: string): Promise<SegmentRecord | undefined> };
  readonly templates: {
    get(workspaceId: string, templateId: string): Promise<TemplateRecord | undefined>;
    getVersion(
      workspaceId: string,
      templateId: string,
      version: number,
    ): Promise<TemplateVersionRecord | undefined>;
  };
  readonly workspaces: { get(workspaceId: string): Promise<Workspace | undefined> };
  readonly senderDomains: { get(workspaceId: string, domain: string): Promise<SenderDomain | undefined> };
}

/** The parts of a campaign that name something. */
export interface CampaignReferences {
  readonly template: { readonly templateId: string; readonly version?: number | undefined };
  readonly audience: CampaignAudience;
  readonly topic?: string | undefined;
  readonly senderDomain?: string | undefined;
}

const segmentIssues = async (
  workspaceId: string,
  audience: CampaignAudience,
  readers: ReferenceReaders,
): Promise<FieldIssue[]> => {
  if (!('segments' in audience)) return [];
  const named = [
    ...audience.segments.include.map((id, i) => ({ id, path: `audience.segments.include[${i}]` })),
    ...audience.segments.exclude.map((id, i) => ({ id, path: `audience.segments.exclude[${i}]` })),
  ];
  const found = await Promise.all(named.map((n) => readers.segments.get(workspaceId, n.id)));
  return named.flatMap((n, i) =>
    found[i] ? [] : [{ path: n.path, message: `no segment ${n.id} in this workspace` }],
  );
};

/**
 * Check every reference; returns the template version to pin (the given one, or the latest) when
 * the template is fine. Throws a ValidationError naming each field whose reference is missing.
 */
export const checkReferences = async (
  workspaceId: string,
  refs: CampaignReferences,
  readers: ReferenceReaders,
): Promise<{ version: number }> => {
  const { templateId, version } = refs.template;
  const [segments, head, pinned, workspace, sender] = await Promise.all([
    segmentIssues(workspaceId, refs.audience, readers),
    readers.templates.get(workspaceId, templateId),
    version === undefined ? undefined : readers.templates.getVersion(workspaceId, templateId, version),
    refs.topic === undefined ? undefined : readers.workspaces.get(workspaceId),
    refs.senderDomain === undefined ? undefined : readers.senderDomains.get(workspaceId, refs.senderDomain),
  ]);
  const issues: FieldIssue[] = [...segments];
  if (!head) {
    issues.push({ path: 'template.templateId', message: `no template ${templateId} in this workspace` });
  } else if (version !== undefined && !pinned) {
    issues.push({ path: 'template.version', message: `template ${templateId} has no version ${version}` });
  } else if ((pinned ?? head).kind !== 'marketing') {
    issues.push({
      path: 'template.templateId',
      message: `${templateId}${pinned ? ` version ${version}` : ''} is a ${(pinned ?? head).kind} template; a campaign sends a marketing one`,
    });
  }
  if (refs.topic !== undefined) {
    const topics = workspace?.settings.email?.topics ?? [];
    if (!topics.some((t) => t.id === refs.topic))
      issues.push({ path: 'topic', message: `no topic ${refs.topic} in the workspace's email settings` });
  }
  if (refs.senderDomain !== undefined && !sender)
    issues.push({
      path: 'senderDomain',
      message: `${refs.senderDomain} is not a sender domain of this workspace`,
    });
  const first = issues[0];
  if (first || !head) {
    throw new ValidationError(`invalid ${first?.path}: ${first?.message}`, issues);
  }
  return { version: version ?? head.latestVersion };
};
