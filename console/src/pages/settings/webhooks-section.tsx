/** Outgoing webhooks: endpoints with their events and state; add one (its secret shown once), delete. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/api.ts';
import type { BodyOf } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage, fieldError } from '../../ui/error-message.tsx';
import { TextField } from '../../ui/field.tsx';
import { Pager, usePager } from '../../ui/pager.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';

type EventType = BodyOf<'/v1/webhook-endpoints', 'post'>['eventTypes'][number];
const EVENTS: readonly EventType[] = [
  'contact.created',
  'contact.updated',
  'contact.consent.changed',
  'contact.erased',
  'order.placed',
  'checkout.abandoned',
  'segment.entered',
  'segment.exited',
  'stage.changed',
  'email.engaged',
];

export function WebhooksSection() {
  const { t } = useI18n();
  const session = useSession();
  const queryClient = useQueryClient();
  const pager = usePager();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<EventType[]>(['contact.created']);
  const endpoints = useQuery({
    queryKey: ['webhook-endpoints', session.workspaceId, pager.cursor],
    queryFn: ({ signal }) =>
      api.get('/v1/webhook-endpoints', {
        query: { limit: 25, ...(pager.cursor ? { cursor: pager.cursor } : {}) },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: ['webhook-endpoints', session.workspaceId] });
  const create = useMutation({
    mutationFn: () => api.post('/v1/webhook-endpoints', { body: { url, eventTypes: events } }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (endpointId: string) =>
      api.delete('/v1/webhook-endpoints/{endpointId}', { params: { endpointId } }),
    onSuccess: refresh,
  });
  return (
    <section className="card" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">{t('settings.webhooks')}</h2>
      <ErrorMessage error={endpoints.error ?? remove.error} />
      {endpoints.data?.endpoints.length === 0 && <p className="muted">{t('settings.noWebhooks')}</p>}
      <ul>
        {endpoints.data?.endpoints.map((e) => (
          <li key={e.id}>
            <code>{e.url}</code>{' '}
            <StatusBadge
              status={e.status === 'enabled' ? 'active' : 'paused'}
              label={t(`settings.endpoint.${e.status}`)}
            />{' '}
            <span className="muted">{e.eventTypes.join(', ')}</span>{' '}
            <button type="button" className="button link" onClick={() => remove.mutate(e.id)}>
              {t('settings.delete')}
            </button>
          </li>
        ))}
      </ul>
      <Pager pager={pager} next={endpoints.data?.next} busy={endpoints.isFetching} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <h3>{t('settings.addWebhook')}</h3>
        <TextField
          label={t('settings.webhookUrl')}
          type="url"
          value={url}
          onValue={setUrl}
          required
          error={fieldError(create.error, 'url')}
        />
        <fieldset>
          <legend>{t('settings.webhookEvents')}</legend>
          {EVENTS.map((ev) => (
            <label key={ev} className="inline-field">
              <input
                type="checkbox"
                checked={events.includes(ev)}
                onChange={(e) =>
                  setEvents(e.target.checked ? [...events, ev] : events.filter((x) => x !== ev))
                }
              />
              <code>{ev}</code>
            </label>
          ))}
        </fieldset>
        <ErrorMessage error={create.error} fields={['url']} />
        <button type="submit" className="button primary" disabled={create.isPending}>
          {t('settings.addWebhook')}
        </button>
        {create.data && (
          <div className="notice" role="status">
            <p>{t('settings.secretOnce')}</p>
            <code>{create.data.secret}</code>
          </div>
        )}
      </form>
    </section>
  );
}
