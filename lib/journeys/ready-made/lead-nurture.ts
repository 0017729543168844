/**
 * Lead nurture with the MQL hand-off: when a contact becomes a `lead`, a few educational emails (the
 * `newsletter` template, to edit) spaced by `spacingDays`; the moment the lead becomes marketing-
 * qualified (`mql` in the default scoring model, `mqlStage`), nurturing stops and the lead is handed to
 * sales: tagged `sales-ready`, and a `journey.signal` named `mql-handoff` is emitted (for outgoing
 * webhooks: a CRM, a Slack channel), then the run exits.
 *
 * Each wait between emails is a wait for `stage.changed` to the MQL stage (with the spacing as its
 * timeout), so the hand-off comes when the stage moves, not at the next email's time; after each
 * wait a branch on the stage (at least MQL, in the workspace's lifecycle order) catches a lead moved
 * past MQL by hand (to `sql`, say), whose stage change names no MQL. The MQL stage is deliberately not
 * the journey's goal: a goal ends the run wherever it is, before any step, so the hand-off steps would
 * never run. The goal is an order instead: a lead who buys needs no more nurturing.
 *
 * The MQL alert (lib/email/feedback/mql-handoff.ts) is not repeated here: on the same `stage.changed`
 * it already emails the sales address the lead's details (transactional, whether or not this journey
 * is on). This journey is the marketing side of the same moment: it stops the nurture emails and
 * tells other systems through the tag and the signal; it sends sales nothing itself.
 */
import * as z from 'zod';
import { MQL_STAGE } from '../../email/feedback/mql-handoff.ts';
import type { ShippedLocale } from '../../workspaces/email-settings.schema.ts';
import { type JourneyDefinition, journeyDefinitionSchema } from '../journey-definition.schema.ts';
import { DEFAULT_QUIET_HOURS, OPTION_SCHEMAS } from './options.ts';
import { readyMade } from './ready-made.ts';

export const SALES_READY_TAG = 'sales-ready';
export const MQL_HANDOFF_SIGNAL = 'mql-handoff';

export const leadNurtureOptions = z
  .strictObject({
    emails: OPTION_SCHEMAS.emails.default(3),
    spacingDays: OPTION_SCHEMAS.spacingDays.default(4),
    leadStage: OPTION_SCHEMAS.leadStage.default('lead'),
    mqlStage: OPTION_SCHEMAS.mqlStage.default(MQL_STAGE),
    quietHours: OPTION_SCHEMAS.quietHours.default(DEFAULT_QUIET_HOURS),
  })
  .refine((o) => o.leadStage !== o.mqlStage, {
    message: 'the MQL stage must differ from the stage that starts the journey',
    path: ['mqlStage'],
  });

export const leadNurture = readyMade({
  name: 'lead-nurture',
  templates: ['newsletter'],
  text: {
    en: {
      title: 'Lead nurture with MQL hand-off',
      description:
        'Educational emails to new leads, a few days apart; when a lead becomes an MQL it is tagged sales-ready and handed to sales.',
    },
    es: {
      title: 'Maduración de leads con paso a ventas',
      description:
        'Correos formativos a los nuevos leads, espaciados unos días; cuando un lead pasa a MQL se etiqueta sales-ready y pasa a ventas.',
    },
    fr: {
      title: 'Nurturing des leads et passage aux ventes',
      description:
        'Des e-mails pédagogiques aux nouveaux leads, à quelques jours d’intervalle ; un lead devenu MQL est étiqueté sales-ready et confié aux ventes.',
    },
    it: {
      title: 'Nurturing dei lead con passaggio alle vendite',
      description:
        'Email formative ai nuovi lead, a qualche giorno di distanza; quando un lead diventa MQL riceve il tag sales-ready e passa alle vendite.',
    },
    'zh-Hant': {
      title: '潛在客戶培育與 MQL 移交',
      description: '每隔幾天寄給新潛在客戶教育性郵件；一旦成為 MQL，即加上 sales-ready 標籤並移交業務團隊。',
    },
  },
  options: leadNurtureOptions,
  stages: (o) => [
    { option: 'leadStage', stage: o.leadStage },
    { option: 'mqlStage', stage: o.mqlStage },
  ],
  build: (o, text): JourneyDefinition => {
    const lessons = Array.from({ length: o.emails }, (_, i) => i + 1).flatMap((n) => [
      { id: `email-${n}`, type: 'email', template: { templateId: 'newsletter' }, next: `wait-${n}` },
      {
        id: `wait-${n}`,
        type: 'waitForEvent',
        event: 'stage.changed',
        where: [{ path: 'properties.to', op: 'equals', value: o.mqlStage }],
        timeout: { days: o.spacingDays },
        onEvent: 'sales-ready',
        onTimeout: `check-${n}`,
      },
      {
        id: `check-${n}`,
        type: 'branch',
        condition: { type: 'stage', op: 'atLeast', value: o.mqlStage },
        ifTrue: 'sales-ready',
        ...(n < o.emails ? { ifFalse: `email-${n + 1}` } : {}),
      },
    ]);
    return journeyDefinitionSchema.parse({
      name: text.title,
      description: text.description,
      trigger: { type: 'stage', to: o.leadStage },
      entry: { mode: 'once' },
      goal: { event: 'order.placed' },
      ...(o.quietHours ? { quietHours: o.quietHours } : {}),
      steps: [
        ...lessons,
        { id: 'sales-ready', type: 'update', addTags: [SALES_READY_TAG], next: 'handoff' },
        {
          id: 'handoff',
          type: 'emit',
          name: MQL_HANDOFF_SIGNAL,
          properties: { stage: o.mqlStage },
          next: 'done',
        },
        { id: 'done', type: 'exit' },
      ],
    });
  },
});

export const leadNurtureJourney = (
  options: z.input<typeof leadNurtureOptions> = {},
  locale: ShippedLocale = 'en',
): JourneyDefinition => leadNurture.document(options, locale);
