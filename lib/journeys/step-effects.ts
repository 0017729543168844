/**
 * What a journey step does to the world, each idempotent, since a step may be delivered again after
 * its effect and before its run's move:
 * - `email`: a send request on the send queue under the step's message id (the send path claims each
 *   message id once, checks consent and suppression at send time, and applies the frequency cap);
 *   the template's latest version unless the step names one; the trigger's data as `data`;
 * - `update`: tags and attributes through the contact's own update (unchanged values write nothing),
 *   a stage through lead scoring, as a manual move keyed by the run and step;
 * - `emit`: a `journey.signal` event, stored once per run and step (its own item, with the event);
 * - `webhook`: the step's `journey.signal` delivered to the endpoint, once (deliveries are keyed by event).
 * A template or contact gone since the journey was saved skips the effect: the run goes on.
 */
import type { EmailKind } from '../email/message-tags.ts';
import type { SendRequest } from '../email/send/send-request.schema.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { EffectContext } from './advance-run.ts';
import type { StepEffect } from './step-plan.ts';

export interface EffectPorts {
  readonly templates: {
    get(
      workspaceId: string,
      templateId: string,
    ): Promise<
      | { readonly kind: EmailKind; readonly topic?: string | undefined; readonly latestVersion: number }
      | undefined
    >;
  };
  readonly sendQueue: { enqueue(requests: readonly SendRequest[]): Promise<void> };
  readonly contacts: {
    update(
      workspaceId: string,
      contactId: string,
      patch: {
        readonly addTags?: string[];
        readonly removeTags?: string[];
        readonly attributes?: Record<string, string | number | boolean | null>;
      },
    ): Promise<unknown>;
    setStage(workspaceId: string, contactId: string, stage: string, inputId: string): Promise<unknown>;
  };
  readonly webhooks: {
    /**
     * Deliver the step's `journey.signal` (its id from the run and step) to one endpoint: once, as
     * its delivery is keyed by the event id; retried and dead-lettered like any delivery.
     */
    deliver(context: EffectContext, endpointId: string): Promise<void>;
  };
  readonly signals: {
    /** Store the signal of a run's step once (a second call finds it there). */
    emit(context: EffectContext, name: string, properties: Readonly<Record<string, unknown>>): Promise<void>;
  };
}

const ignoreGone = async (work: Promise<unknown>): Promise<void> => {
  try {
    await work;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
};

export const stepEffects = (ports: EffectPorts) => ({
  async apply(effect: StepEffect, context: EffectContext): Promise<void> {
    const { workspaceId, run, step } = context;
    switch (effect.type) {
      case 'email': {
        const template = await ports.templates.get(workspaceId, effect.template.templateId);
        if (!template) return;
        await ports.sendQueue.enqueue([
          {
            workspaceId,
            kind: template.kind,
            origin: 'journey',
            originId: `${run.journeyId}-${step.id}`,
            template: {
              templateId: effect.template.templateId,
              version: effect.template.version ?? template.latestVersion,
            },
            ...(template.topic ? { topic: template.topic } : {}),
            recipients: [
              {
                contactId: run.contactId,
                messageId: context.messageId,
                ...(run.trigger ? { data: { ...run.trigger.properties } } : {}),
              },
            ],
          },
        ]);
        return;
      }
      case 'update': {
        const { addTags, removeTags, attributes, stage } = effect;
        if (addTags || removeTags || attributes)
          await ignoreGone(
            ports.contacts.update(workspaceId, run.contactId, {
              ...(addTags ? { addTags: [...addTags] } : {}),
              ...(removeTags ? { removeTags: [...removeTags] } : {}),
              ...(attributes ? { attributes: { ...attributes } } : {}),
            }),
          );
        if (stage)
          await ignoreGone(
            ports.contacts.setStage(workspaceId, run.contactId, stage, `journey:${run.runId}:${step.id}`),
          );
        return;
      }
      case 'emit':
        await ports.signals.emit(context, effect.name, effect.properties ?? {});
        return;
      case 'webhook':
        await ports.webhooks.deliver(context, effect.endpointId);
        return;
    }
  },
});
