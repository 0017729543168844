/**
 * Switching ready-made journeys on, over DynamoDB Local: the templates installed (kept when the
 * workspace has its own), the journey created live, named in the workspace's locale; idempotent,
 * also for two calls at once (one journey, one creator); a paused one goes live again, an archived
 * one stays archived; unknown names and wrong options write nothing.
 */
import { describe, expect, it } from 'vitest';
import { journeysRepository } from '../../lib/journeys/journeys.repository.ts';
import { moveJourney } from '../../lib/journeys/manage-journeys.ts';
import { enableReadyMade, readyMadeJourneyId } from '../../lib/journeys/ready-made/enable-ready-made.ts';
import { readyMadeCatalogue } from '../../lib/journeys/ready-made/ready-made-catalogue.ts';
import { endpointsRepository } from '../../lib/outgoing-webhooks/endpoints.repository.ts';
import { scoringModelsRepository } from '../../lib/scoring/scoring-models.repository.ts';
import { segmentsRepository } from '../../lib/segments/segments.repository.ts';
import { fixedClock } from '../../lib/shared/clock.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/shared/errors.ts';
import { saveTemplate } from '../../lib/templates/manage-templates.ts';
import { mjmlCompiler } from '../../lib/templates/mjml-compiler.ts';
import { saveTemplateBody } from '../../lib/templates/template.schema.ts';
import { templatesRepository } from '../../lib/templates/templates.repository.ts';
import { DEFAULT_EMAIL_SETTINGS } from '../../lib/workspaces/email-settings.schema.ts';
import { newWorkspace, realDeps } from './real-deps.ts';

const clock = fixedClock('2026-11-30T12:00:00.000Z');

const setup = async () => {
  const base = realDeps(clock);
  const ws = await newWorkspace(base);
  const deps = {
    journeys: journeysRepository(base.table),
    segments: segmentsRepository(base.table),
    templates: templatesRepository(base.table),
    workspaces: base.workspaces,
    models: scoringModelsRepository(base.table),
    endpoints: endpointsRepository(base.table),
    compiler: mjmlCompiler,
    clock,
  };
  return { ws, deps };
};

const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('resolved');
};

describe('switching a ready-made journey on', () => {
  it('installs its templates, creates it live in the workspace’s locale, and a second call finds it', async () => {
    const { ws, deps } = await setup();
    await deps.workspaces.setEmailSettings(ws, { ...DEFAULT_EMAIL_SETTINGS, defaultLocale: 'es' });
    const first = await enableReadyMade(ws, 'abandoned-checkout', { reminderAfterHours: 20 }, deps);
    expect(first.created).toBe(true);
    expect(first.journey).toMatchObject({
      id: readyMadeJourneyId('abandoned-checkout'),
      name: 'Carrito abandonado',
      status: 'live',
      version: 1,
      trigger: 'event',
      liveSince: clock.now().toISOString(),
    });
    expect(first.version.definition.steps[1]).toMatchObject({ timeout: { hours: 20 } });
    expect(await deps.templates.get(ws, 'abandoned-checkout')).toMatchObject({ latestVersion: 1 });
    const second = await enableReadyMade(ws, 'abandoned-checkout', {}, deps);
    expect(second.created).toBe(false);
    expect(second.journey).toEqual(first.journey);
    expect(second.version.definition).toEqual(first.version.definition);
  });

  it('two calls at once make one journey, one of them its creator, both answer it live', async () => {
    const { ws, deps } = await setup();
    const both = await Promise.all([
      enableReadyMade(ws, 'post-purchase', {}, deps),
      enableReadyMade(ws, 'post-purchase', {}, deps),
    ]);
    expect(both.map((r) => r.created).sort()).toEqual([false, true]);
    for (const r of both)
      expect(r.journey).toMatchObject({ status: 'live', version: 1, name: 'Post-purchase follow-up' });
    const page = await deps.journeys.list(ws, { limit: 100 });
    expect(page.journeys.map((j) => j.id)).toEqual([readyMadeJourneyId('post-purchase')]);
    for (const id of ['order-follow-up', 'review-request'])
      expect(await deps.templates.get(ws, id)).toMatchObject({ latestVersion: 1 });
  });

  it('keeps a template the workspace already has (its own edit)', async () => {
    const { ws, deps } = await setup();
    const own = saveTemplateBody.parse({
      name: 'Our birthday',
      kind: 'marketing',
      locales: {
        en: {
          subject: 'Happy birthday',
          html: '<p>Cake! <a href="{{ unsubscribe_url }}">Unsubscribe</a> {{ workspace.postal_address }}</p>',
        },
      },
    });
    await saveTemplate(ws, 'birthday', own, deps);
    const { journey } = await enableReadyMade(ws, 'birthday', { sendAt: '10:00' }, deps);
    expect(journey.status).toBe('live');
    expect(await deps.templates.get(ws, 'birthday')).toMatchObject({
      name: 'Our birthday',
      latestVersion: 1,
    });
  });

  it('puts a paused journey live again; an archived one stays archived (409)', async () => {
    const { ws, deps } = await setup();
    const { journey } = await enableReadyMade(ws, 'win-back', {}, deps);
    await moveJourney(ws, journey.id, 'pause', deps);
    const again = await enableReadyMade(ws, 'win-back', {}, deps);
    expect(again).toMatchObject({ created: false, journey: { status: 'live' } });
    await moveJourney(ws, journey.id, 'archive', deps);
    expect(await rejection(enableReadyMade(ws, 'win-back', {}, deps))).toBeInstanceOf(ConflictError);
    expect((await deps.journeys.get(ws, journey.id))?.status).toBe('archived');
  });

  it('an unknown name is not found and bad options are named; neither writes anything', async () => {
    const { ws, deps } = await setup();
    expect(await rejection(enableReadyMade(ws, 'anniversary', {}, deps))).toBeInstanceOf(NotFoundError);
    const bad = await rejection(enableReadyMade(ws, 'lead-nurture', { emails: 9 }, deps));
    expect(bad).toBeInstanceOf(ValidationError);
    if (bad instanceof ValidationError)
      expect(bad.issues).toEqual([{ path: 'emails', message: 'at most 5' }]);
    const stage = await rejection(enableReadyMade(ws, 'lead-nurture', { mqlStage: 'hot' }, deps));
    if (!(stage instanceof ValidationError)) throw new Error('a ValidationError');
    expect(stage.issues).toEqual([
      {
        path: 'mqlStage',
        message:
          "hot is not a stage of the workspace's lifecycle (subscriber, lead, mql, sql, opportunity, customer)",
      },
    ]);
    expect((await deps.journeys.list(ws, { limit: 100 })).journeys).toEqual([]);
    expect(await deps.templates.get(ws, 'newsletter')).toBeUndefined();
  });

  it('the catalogue shows each journey in the workspace’s locale, and the one switched on', async () => {
    const { ws, deps } = await setup();
    await deps.workspaces.setEmailSettings(ws, { ...DEFAULT_EMAIL_SETTINGS, defaultLocale: 'zh-Hant' });
    await enableReadyMade(ws, 'welcome', {}, deps);
    const catalogue = await readyMadeCatalogue(ws, deps);
    expect(catalogue.locale).toBe('zh-Hant');
    const welcome = catalogue.journeys.find((j) => j.name === 'welcome');
    expect(welcome).toMatchObject({
      title: '歡迎系列',
      templates: ['welcome', 'newsletter'],
      options: [{ name: 'followUpDays', default: 3 }],
      journey: { id: readyMadeJourneyId('welcome'), status: 'live', version: 1 },
    });
    expect(catalogue.journeys.filter((j) => j.journey)).toHaveLength(1);
    const checkout = catalogue.journeys.find((j) => j.name === 'abandoned-checkout');
    expect(checkout?.options.map((o) => [o.name, o.default])).toEqual([
      ['reminderAfterHours', 23],
      ['quietHours', { from: '21:00', to: '08:00' }],
    ]);
  });
});
