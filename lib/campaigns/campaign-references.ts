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
  /** An A/B test's variants: each variant's own template, when it has one. */
  readonly abTest?:
    | {
        readonly variants: readonly {
          readonly template?:
            | { readonly templateId: string; readonly version?: number | undefined }
            | undefined;
        }[];
      }
    | undefined;
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

interface TemplateCheck {
  readonly issues: FieldIssue[];
  /** The version to pin, when the template is fine. */
  readonly version?: number;
  /** Its subscription topic (the pinned version's). */
  readonly topic?: string | undefined;
}

/** A template (and version, when given) of the workspace, a marketing one; `path` names its field. */
const templateCheck = async (
  workspaceId: string,
  ref: { readonly templateId: string; readonly version?: number | undefined },
  path: string,
  readers: ReferenceReaders,
): Promise<TemplateCheck> => {
  const { templateId, version } = ref;
  const [head, pinned] = await Promise.all([
    readers.templates.get(workspaceId, templateId),
    version === undefined ? undefined : readers.templates.getVersion(workspaceId, templateId, version),
  ]);
  if (!head)
    return {
      issues: [{ path: `${path}.templateId`, message: `no template ${templateId} in this workspace` }],
    };
  if (version !== undefined && !pinned)
    return {
      issues: [{ path: `${path}.version`, message: `template ${templateId} has no version ${version}` }],
    };
  if ((pinned ?? head).kind !== 'marketing')
    return {
      issues: [
        {
          path: `${path}.templateId`,
          message: `${templateId}${pinned ? ` version ${version}` : ''} is a ${(pinned ?? head).kind} template; a campaign sends a marketing one`,
        },
      ],
    };
  return { issues: [], version: version ?? head.latestVersion, topic: (pinned ?? head).topic };
};

/**
 * Check every reference; returns the template version to pin (the given one, or the latest) when
 * the template is fine, and likewise for each A/B variant's own template (undefined for a variant
 * that sends the campaign's). Throws a ValidationError naming each field whose reference is missing.
 */
export const checkReferences = async (
  workspaceId: string,
  refs: CampaignReferences,
  readers: ReferenceReaders,
): Promise<{ version: number; variantVersions: (number | undefined)[] }> => {
  const variants = refs.abTest?.variants ?? [];
  const [segments, main, variantChecks, workspace, sender] = await Promise.all([
    segmentIssues(workspaceId, refs.audience, readers),
    templateCheck(workspaceId, refs.template, 'template', readers),
    Promise.all(
      variants.map((v, i) =>
        v.template
          ? templateCheck(workspaceId, v.template, `abTest.variants[${i}].template`, readers)
          : undefined,
      ),
    ),
    refs.topic === undefined ? undefined : readers.workspaces.get(workspaceId),
    refs.senderDomain === undefined ? undefined : readers.senderDomains.get(workspaceId, refs.senderDomain),
  ]);
  const issues: FieldIssue[] = [...segments, ...main.issues];
  variantChecks.forEach((check, i) => {
    issues.push(...(check?.issues ?? []));
    // Without a campaign topic each email would take its own template's: a variant must not reach
    // contacts unsubscribed from the topic the campaign is sent under.
    if (
      refs.topic === undefined &&
      check?.version !== undefined &&
      main.version !== undefined &&
      check.topic !== main.topic
    )
      issues.push({
        path: `abTest.variants[${i}].template.templateId`,
        message: `its topic (${check.topic ?? 'none'}) is not the campaign template's (${main.topic ?? 'none'}): give the campaign a topic, or use a template of the same topic`,
      });
  });
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
  if (first || main.version === undefined) {
    throw new ValidationError(`invalid ${first?.path}: ${first?.message}`, issues);
  }
  return { version: main.version, variantVersions: variantChecks.map((c) => c?.version) };
};
