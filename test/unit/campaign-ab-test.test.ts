/** A/B tests of campaigns: the input's validation, the schedule rule, pinning, and the assignment. */
import { describe, expect, it } from 'vitest';
import {
  AB_REST_WAVE,
  AB_TEST_WAVE,
  abAssignment,
  abChunkColumns,
  abWaveIsDue,
} from '../../lib/campaigns/ab-assignment.ts';
import { addSentByVariant, pickWinner, variantFigures } from '../../lib/campaigns/ab-decision.ts';
import { abTestInput } from '../../lib/campaigns/ab-test.schema.ts';
import { abTestToSend, assertAbSchedule, pinVariants } from '../../lib/campaigns/ab-test.ts';
import { abSubjectIssues } from '../../lib/campaigns/ab-test-subjects.ts';
import { createCampaignBody, updateCampaignBody } from '../../lib/campaigns/campaign.schema.ts';
import { checkReferences, type ReferenceReaders } from '../../lib/campaigns/campaign-references.ts';
import { chunkRecord } from '../../lib/campaigns/send/chunk.schema.ts';
import { variantGroups } from '../../lib/campaigns/send/variant-groups.ts';
import { emptyContact } from '../../lib/contacts/contact-model.ts';
import { readMessageTags, toSesTags } from '../../lib/email/message-tags.ts';
import { sendRequestSchema } from '../../lib/email/send/send-request.schema.ts';
import { ValidationError } from '../../lib/shared/errors.ts';
import { compileTemplate } from '../../lib/templates/compile-template.ts';
import { mjmlCompiler } from '../../lib/templates/mjml-compiler.ts';
import { loadVersion } from '../../lib/templates/render.ts';
import { saveTemplateBody, type TemplateRecord } from '../../lib/templates/template.schema.ts';
import { emailSettingsSchema } from '../../lib/workspaces/email-settings.schema.ts';
import { workspaceItem } from '../../lib/workspaces/workspace.schema.ts';

const valid = {
  variants: [{}, { subject: 'Last chance, {{ contact.firstName | default: "friend" }}' }],
  testShare: 20,
  metric: 'openRate',
  decideAfterMinutes: 240,
} as const;

const issuesOf = (input: unknown) => {
  const parsed = abTestInput.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('A/B test input', () => {
  it('accepts 2 to 4 variants, the first one empty (the campaign itself)', () => {
    expect(issuesOf(valid)).toEqual([]);
    expect(
      issuesOf({
        ...valid,
        variants: [
          {},
          { subject: 'B' },
          { template: { templateId: 'other' } },
          { subject: 'D', template: { templateId: 'other', version: 2 } },
        ],
      }),
    ).toEqual([]);
  });

  it('refuses 1 or 5 variants, naming the field', () => {
    expect(issuesOf({ ...valid, variants: [{}] })).toEqual(['variants: an A/B test has at least 2 variants']);
    expect(
      issuesOf({
        ...valid,
        variants: [{}, { subject: 'b' }, { subject: 'c' }, { subject: 'd' }, { subject: 'e' }],
      }),
    ).toEqual(['variants: an A/B test has at most 4 variants']);
  });

  it('refuses a later variant that changes nothing, or repeats another', () => {
    expect(issuesOf({ ...valid, variants: [{}, {}] })).toContain(
      'variants.1: a variant other than the first names a subject, a template, or both',
    );
    expect(issuesOf({ ...valid, variants: [{}, { subject: 'B' }, { subject: 'B' }] })).toEqual([
      'variants.2: is the same as variant 1',
    ]);
  });

  it('refuses a test share outside 1–50 %, a decision outside 30 min – 7 days, an unknown metric', () => {
    expect(issuesOf({ ...valid, testShare: 0 })[0]).toMatch(/^testShare: /);
    expect(issuesOf({ ...valid, testShare: 51 })[0]).toMatch(/^testShare: /);
    expect(issuesOf({ ...valid, testShare: 12.5 })[0]).toMatch(/^testShare: /);
    expect(issuesOf({ ...valid, decideAfterMinutes: 29 })[0]).toMatch(/^decideAfterMinutes: /);
    expect(issuesOf({ ...valid, decideAfterMinutes: 10_081 })[0]).toMatch(/^decideAfterMinutes: /);
    expect(issuesOf({ ...valid, metric: 'bounceRate' })[0]).toMatch(/^metric: /);
  });

  it('refuses a subject with a line break (no header injection) and an unknown field', () => {
    expect(issuesOf({ ...valid, variants: [{}, { subject: 'Hi\r\nBcc: x@example.com' }] })).toEqual([
      'variants.1.subject: the subject is one line, without control characters',
    ]);
    expect(issuesOf({ ...valid, variants: [{}, { subject: 'B', body: 'x' }] })[0]).toMatch(/^variants\.1: /);
  });

  it('is part of the create and update bodies; null removes it', () => {
    const create = createCampaignBody.safeParse({
      name: 'n',
      template: { templateId: 'news' },
      audience: { segments: { include: ['sg_0123456789abcdefghjkmnpqrs'] } },
      abTest: { ...valid, testShare: 70 },
    });
    expect(create.success).toBe(false);
    expect(create.error?.issues[0]?.path).toEqual(['abTest', 'testShare']);
    expect(updateCampaignBody.parse({ abTest: null })).toEqual({ abTest: null });
  });

  it('refuses a subject that is not valid Liquid when saved, naming the variant', () => {
    expect(abSubjectIssues(valid)).toEqual([]);
    expect(
      abSubjectIssues({ ...valid, variants: [{}, { subject: 'Hi {{ contact.firstName | shout }}' }] }),
    ).toEqual([{ path: 'abTest.variants[1].subject', message: expect.stringContaining('not valid Liquid') }]);
  });
});

describe('A/B test rules', () => {
  const ab = abTestInput.parse(valid);

  it('does not combine with a recipient-local schedule, from either side', () => {
    const local = { type: 'recipientLocal', date: '2026-12-01', time: '09:00' } as const;
    expect(() => assertAbSchedule(ab, local, 'type')).toThrow(ValidationError);
    try {
      assertAbSchedule(ab, local, 'abTest');
    } catch (error) {
      expect(error instanceof ValidationError && error.issues[0]?.path).toBe('abTest');
    }
    expect(() =>
      assertAbSchedule(ab, { type: 'at', at: '2026-12-01T09:00', timeZone: 'UTC' }, 'type'),
    ).not.toThrow();
    expect(() => assertAbSchedule(undefined, local, 'type')).not.toThrow();
  });

  it('pins the versions of variants with their own template, and sends the campaign template for the others', () => {
    const withTemplate = { ...ab, variants: [{}, { template: { templateId: 'other' } }, { subject: 'C' }] };
    const pinned = pinVariants(withTemplate, [undefined, 7, undefined]);
    expect(pinned.variants).toEqual([
      {},
      { template: { templateId: 'other', version: 7 } },
      { subject: 'C' },
    ]);
    expect(
      abTestToSend({ abTest: { ...pinned, winner: 2 }, template: { templateId: 'news', version: 3 } }),
    ).toEqual({
      variants: [
        { template: { templateId: 'news', version: 3 } },
        { template: { templateId: 'other', version: 7 } },
        { template: { templateId: 'news', version: 3 }, subject: 'C' },
      ],
      winner: 2,
    });
    expect(abTestToSend({ template: { templateId: 'news', version: 3 } })).toBeUndefined();
  });
});

describe('A/B assignment', () => {
  const contacts = Array.from({ length: 20_000 }, (_, i) => `c_${i.toString(36).padStart(8, '0')}`);

  it('puts the test share in wave 0, spread evenly over the variants, and the rest in wave 1', () => {
    const ab = { testShare: 20, variants: [{}, {}, {}, {}] };
    const perVariant = [0, 0, 0, 0];
    let rest = 0;
    for (const c of contacts) {
      const a = abAssignment('cmp_01h0000000000000000a', c, ab);
      if (a.wave === AB_REST_WAVE) rest++;
      else perVariant[a.variant] = (perVariant[a.variant] ?? 0) + 1;
    }
    const tested = perVariant.reduce((a, b) => a + b, 0);
    // 20 % of 20,000 = 4,000 expected; binomial σ ≈ 57, so ±300 is more than 5σ.
    expect(Math.abs(tested - 4_000)).toBeLessThan(300);
    expect(rest).toBe(contacts.length - tested);
    // 1,000 per variant expected; σ ≈ 30.
    for (const n of perVariant) expect(Math.abs(n - 1_000)).toBeLessThan(160);
  });

  it('is stable: the same campaign and contact always get the same place', () => {
    const ab = { testShare: 50, variants: [{}, {}] };
    for (const c of contacts.slice(0, 500))
      expect(abAssignment('cmp_01h0000000000000000a', c, ab)).toEqual(
        abAssignment('cmp_01h0000000000000000a', c, ab),
      );
  });

  it('differs between campaigns, so the same contacts are not always the tested ones', () => {
    const ab = { testShare: 10, variants: [{}, {}] };
    const tested = (campaignId: string) =>
      new Set(contacts.filter((c) => abAssignment(campaignId, c, ab).wave === AB_TEST_WAVE));
    const a = tested('cmp_01h0000000000000000a');
    const b = tested('cmp_01h0000000000000000b');
    const both = [...a].filter((c) => b.has(c)).length;
    // Independent 10 % draws overlap on about 1 % of the contacts (200), not on 10 % (2,000).
    expect(both).toBeLessThan(400);
  });

  it('gives a chunk its waves and variants column by column, and says which wave may go', () => {
    const ab = { testShare: 50, variants: [{}, {}] };
    const page = contacts.slice(0, 50);
    const { waves, variants } = abChunkColumns('cmp_01h0000000000000000a', page, ab);
    page.forEach((c, i) => {
      const a = abAssignment('cmp_01h0000000000000000a', c, ab);
      expect(waves[i]).toBe(a.wave);
      expect(variants[i]).toBe(a.wave === AB_TEST_WAVE ? a.variant : 0);
    });
    expect(abWaveIsDue({}, AB_TEST_WAVE)).toBe(true);
    expect(abWaveIsDue({}, AB_REST_WAVE)).toBe(false);
    expect(abWaveIsDue({ winner: 1 }, AB_REST_WAVE)).toBe(true);
  });

  it('a larger test share keeps everyone already tested in the test, with the same variant', () => {
    const small = { testShare: 10, variants: [{}, {}, {}] };
    const large = { testShare: 30, variants: [{}, {}, {}] };
    for (const c of contacts.slice(0, 2_000)) {
      const a = abAssignment('cmp_01h0000000000000000a', c, small);
      if (a.wave === AB_TEST_WAVE) expect(abAssignment('cmp_01h0000000000000000a', c, large)).toEqual(a);
    }
  });
});

describe('a variant subject on the send path', () => {
  const FOOTER =
    '<mj-text><a href="{{ unsubscribe_url }}">Unsubscribe</a> {{ workspace.postal_address }}</mj-text>';
  const loaded = async () => {
    const locales = await compileTemplate(
      saveTemplateBody.parse({
        name: 'T',
        kind: 'marketing',
        locales: {
          en: {
            subject: 'Template subject',
            mjml: `<mjml><mj-body><mj-section><mj-column><mj-text>Hi</mj-text>${FOOTER}</mj-column></mj-section></mj-body></mjml>`,
          },
        },
      }),
      mjmlCompiler,
    );
    return loadVersion({
      type: 'templateVersion',
      v: 1,
      workspaceId: 'ws_test',
      templateId: 't',
      version: 1,
      name: 't',
      kind: 'marketing',
      locales,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
  };
  const input = (firstName: string, subject?: string) => ({
    contact: { ...emptyContact('ws_test', 'c_1', 'api', '2026-01-01T00:00:00.000Z'), firstName },
    settings: emailSettingsSchema.parse({ postalAddress: '1 Main Street' }),
    workspaceName: 'W',
    links: {
      unsubscribeUrl: 'https://u.example',
      oneClickUrl: 'https://u.example/1',
      preferencesUrl: 'https://u.example/p',
    },
    ...(subject !== undefined ? { subject } : {}),
  });

  it("replaces the template's subject, rendered as Liquid; data cannot break the line", async () => {
    const template = await loaded();
    const plain = template.render(input('Ana'));
    const variant = template.render(
      input('Ana\r\nBcc: evil@example.com', 'Only for you, {{ contact.firstName }}'),
    );
    expect(plain.ok && plain.email.subject).toBe('Template subject');
    expect(variant.ok && variant.email.subject).toBe('Only for you, Ana Bcc: evil@example.com');
  });

  it('fails the recipient, not the batch, when the subject does not render', async () => {
    const out = (await loaded()).render(input('Ana', 'Hi {{ contact.nickname }}'));
    expect(out.ok).toBe(false);
    expect(!out.ok && out.reason).toContain('subject');
  });

  it('is refused in a send request when it holds a line break, and tags its variant', () => {
    const request = {
      workspaceId: 'ws_test',
      kind: 'marketing',
      origin: 'campaign',
      template: { templateId: 't', version: 1 },
      recipients: [{ contactId: 'c_01h00000000000000000000000', messageId: 'm_01h00000000000000000000000' }],
    };
    const bad = sendRequestSchema.safeParse({ ...request, subject: 'Hi\nBcc: x@example.com' });
    expect(bad.error?.issues[0]?.path).toEqual(['subject']);
    const tags = toSesTags({
      workspaceId: 'ws_test',
      contactId: 'c_1',
      messageId: 'm_1',
      kind: 'marketing',
      origin: 'campaign',
      variant: '2',
    });
    expect(tags).toContainEqual({ Name: 'ecrm-variant', Value: '2' });
    expect(readMessageTags(Object.fromEntries(tags.map((t) => [t.Name, [t.Value]])))?.variant).toBe('2');
  });
});

describe('A/B decision maths', () => {
  const f = (variant: number, sent: number, opened: number, clicked: number) =>
    variantFigures(variant, sent, { opened, clicked });

  it('rates are per email sent, 0 while nothing is sent', () => {
    expect(f(0, 200, 50, 6)).toEqual({
      variant: 0,
      sent: 200,
      opened: 50,
      clicked: 6,
      openRate: 0.25,
      clickRate: 0.03,
      revenue: [],
    });
    expect(f(1, 0, 0, 0)).toMatchObject({ openRate: 0, clickRate: 0 });
  });

  it('picks the best open rate, or click rate, not the most opens', () => {
    const figures = [f(0, 1_000, 250, 40), f(1, 500, 150, 10), f(2, 1_000, 200, 45)];
    expect(pickWinner(figures, 'openRate')).toMatchObject({
      winner: 1,
      by: 'openRate',
      values: [0.25, 0.3, 0.2],
    });
    expect(pickWinner(figures, 'clickRate')).toMatchObject({ winner: 2, by: 'clickRate' });
  });

  it('decides a revenue test by click rate while no variant has a conversion, and says so', () => {
    expect(pickWinner([f(0, 100, 90, 1), f(1, 100, 10, 5)], 'revenue')).toEqual({
      winner: 1,
      by: 'clickRate',
      values: [0.01, 0.05],
    });
  });

  it('decides a revenue test by revenue per email sent, in the currency with the most conversions', () => {
    const line = (currency: string, conversions: number, revenue: number) => ({
      currency,
      conversions,
      revenue,
      refunded: 0,
    });
    const figures = [
      variantFigures(0, 100, { clicked: 9 }, [line('JPY', 1, 900_000)]),
      variantFigures(1, 100, { clicked: 1 }, [line('EUR', 2, 10_000)]),
      variantFigures(2, 50, { clicked: 1 }, [line('EUR', 1, 6_000), line('JPY', 1, 100)]),
    ];
    expect(pickWinner(figures, 'revenue')).toEqual({
      winner: 2,
      by: 'revenue',
      currency: 'EUR',
      values: [0, 100, 120],
    });
  });

  it('gives a tie to the lowest variant, whatever the order of the figures', () => {
    expect(pickWinner([f(2, 100, 30, 0), f(1, 200, 60, 0), f(0, 100, 20, 0)], 'openRate').winner).toBe(1);
    expect(pickWinner([f(1, 0, 0, 0), f(0, 0, 0, 0)], 'clickRate').winner).toBe(0);
  });

  it('counts the sent of the test wave per variant from the chunks', () => {
    const chunk = chunkRecord.parse({
      type: 'campaignChunk',
      v: 1,
      campaignId: 'cmp_1',
      shard: 0,
      page: 0,
      contacts: ['a', 'b', 'c', 'd', 'e', 'f'],
      states: ['s', 's', 'r', 's', 's', 'p'],
      waves: [0, 0, 0, 0, 1, 0],
      waveSet: [0, 1],
      variants: [0, 1, 1, 1, 0, 2],
    });
    expect(addSentByVariant([3], chunk, 0)).toEqual([4, 2]);
  });
});

describe('variant groups of a chunk wave', () => {
  const T = { templateId: 'news', version: 3 };
  const B = { templateId: 'news-b', version: 1 };
  const ab = { variants: [{ template: T }, { template: T, subject: 'S' }, { template: B }] };

  it('is one group with the campaign template when there is no test', () => {
    expect(variantGroups([0, 2], 0, undefined, T, undefined)).toEqual({
      groups: [{ template: T, positions: [0, 2] }],
    });
  });

  it('groups the test wave by variant, each tagged', () => {
    expect(variantGroups([0, 1, 2, 3], AB_TEST_WAVE, [2, 0, 2, 1], T, ab)).toEqual({
      groups: [
        { template: B, subject: undefined, variant: 2, positions: [0, 2] },
        { template: T, subject: undefined, variant: 0, positions: [1] },
        { template: T, subject: 'S', variant: 1, positions: [3] },
      ],
    });
  });

  it('holds the rest until a winner, then sends it the winner untagged', () => {
    expect(variantGroups([4, 5], AB_REST_WAVE, [0, 0, 0, 0, 0, 0], T, ab)).toEqual({
      waiting: 'the A/B test has no winner yet',
    });
    expect(variantGroups([4, 5], AB_REST_WAVE, undefined, T, { ...ab, winner: 1 })).toEqual({
      groups: [{ template: T, subject: 'S', positions: [4, 5] }],
    });
  });
});

describe("checking an A/B test's variant templates", () => {
  const at = '2026-01-01T00:00:00.000Z';
  const head = (id: string, kind: 'marketing' | 'transactional', topic?: string): TemplateRecord => ({
    type: 'template',
    v: 1,
    workspaceId: 'ws_test',
    id,
    name: id,
    kind,
    ...(topic ? { topic } : {}),
    latestVersion: 3,
    locales: ['en'],
    createdAt: at,
    updatedAt: at,
  });
  const heads = new Map([
    ['news', head('news', 'marketing', 'offers')],
    ['news-b', head('news-b', 'marketing', 'offers')],
    ['tips', head('tips', 'marketing', 'tips')],
    ['receipt', head('receipt', 'transactional')],
  ]);
  const readers: ReferenceReaders = {
    segments: { get: async () => undefined },
    templates: { get: async (_ws, id) => heads.get(id), getVersion: async () => undefined },
    workspaces: {
      get: async () =>
        workspaceItem.parse({
          type: 'workspace',
          v: 1,
          id: 'ws_test',
          name: 'W',
          settings: {
            timelineRetentionDays: 30,
            email: emailSettingsSchema.parse({ topics: [{ id: 'offers', names: { en: 'Offers' } }] }),
          },
          createdAt: at,
        }),
    },
    senderDomains: { get: async () => undefined },
  };
  const refs = (variants: { template?: { templateId: string } }[], topic?: string) => ({
    template: { templateId: 'news' },
    audience: { segments: { include: [], exclude: [] } },
    ...(topic ? { topic } : {}),
    abTest: { variants },
  });
  const issues = async (variants: { template?: { templateId: string } }[], topic?: string) => {
    try {
      await checkReferences('ws_test', refs(variants, topic), readers);
      return [];
    } catch (error) {
      return error instanceof ValidationError ? error.issues.map((i) => i.path) : [String(error)];
    }
  };

  it("pins each variant template's latest version; a variant without one sends the campaign's", async () => {
    expect(
      await checkReferences('ws_test', refs([{}, { template: { templateId: 'news-b' } }]), readers),
    ).toEqual({
      version: 3,
      variantVersions: [undefined, 3],
    });
  });

  it('names a missing or transactional variant template', async () => {
    expect(
      await issues([{}, { template: { templateId: 'gone' } }, { template: { templateId: 'receipt' } }]),
    ).toEqual(['abTest.variants[1].template.templateId', 'abTest.variants[2].template.templateId']);
  });

  it('refuses a variant template of another topic unless the campaign sets its topic', async () => {
    expect(await issues([{}, { template: { templateId: 'tips' } }])).toEqual([
      'abTest.variants[1].template.templateId',
    ]);
    expect(await issues([{}, { template: { templateId: 'tips' } }], 'offers')).toEqual([]);
  });
});
