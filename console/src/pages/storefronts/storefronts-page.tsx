/**
 * Storefronts: connect a shop (its webhook URL and signing secret shown as the shop's admin asks for
 * them; the secret only once), the connected shops, and deliveries held in quarantine with replay.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage, fieldError } from '../../ui/error-message.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { Pager, usePager } from '../../ui/pager.tsx';

const KINDS = ['shopify', 'woocommerce', 'stripe', 'generic'] as const;
type Kind = (typeof KINDS)[number];

function Quarantine(props: { readonly connectionId: string }) {
  const { t, dateTime } = useI18n();
  const session = useSession();
  const queryClient = useQueryClient();
  const pager = usePager();
  const deliveries = useQuery({
    queryKey: ['quarantine', session.workspaceId, props.connectionId, pager.cursor],
    queryFn: ({ signal }) =>
      api.get('/v1/connections/{connectionId}/quarantine', {
        params: { connectionId: props.connectionId },
        query: { limit: 25, ...(pager.cursor ? { cursor: pager.cursor } : {}) },
        signal,
      }),
  });
  const replay = useMutation({
    mutationFn: (deliveryId: string | undefined) =>
      api.post('/v1/connections/{connectionId}/quarantine/replay', {
        params: { connectionId: props.connectionId },
        body: deliveryId ? { deliveryId } : { all: true },
      }),
    onSuccess: () =>
      void queryClient.invalidateQueries({
        queryKey: ['quarantine', session.workspaceId, props.connectionId],
      }),
  });
  const list = deliveries.data?.deliveries ?? [];
  return (
    <div>
      <h4>{t('storefronts.quarantine')}</h4>
      <ErrorMessage error={deliveries.error ?? replay.error} />
      {list.length === 0 ? (
        <p className="muted">{t('storefronts.noQuarantine')}</p>
      ) : (
        <>
          <ul>
            {list.map((d) => (
              <li key={d.deliveryId}>
                <code>{d.topic}</code> {dateTime(d.receivedAt)} {d.reason}{' '}
                {session.canWrite && (
                  <button type="button" className="button link" onClick={() => replay.mutate(d.deliveryId)}>
                    {t('storefronts.replay')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {session.canWrite && (
            <button
              type="button"
              className="button secondary"
              disabled={replay.isPending}
              onClick={() => replay.mutate(undefined)}
            >
              {t('storefronts.replayAll')}
            </button>
          )}
          {replay.data && <p role="status">{t('storefronts.replayed', { count: replay.data.replayed })}</p>}
        </>
      )}
      <Pager pager={pager} next={deliveries.data?.next} busy={deliveries.isFetching} />
    </div>
  );
}

export function StorefrontsPage() {
  const { t, date } = useI18n();
  const session = useSession();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>('shopify');
  const [name, setName] = useState('');
  const connections = useQuery({
    queryKey: ['connections', session.workspaceId],
    queryFn: ({ signal }) => api.get('/v1/connections', { signal }),
  });
  const create = useMutation({
    mutationFn: () => api.post('/v1/connections', { body: { kind, name } }),
    onSuccess: () => {
      setName('');
      void queryClient.invalidateQueries({ queryKey: ['connections', session.workspaceId] });
    },
  });
  const url = (path: string) => `${window.location.origin}${path}`;

  return (
    <section>
      <PageHeader title={t('storefronts.title')} />
      {session.isAdmin && (
        <form
          className="card"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <h2>{t('storefronts.connect')}</h2>
          <div className="grid">
            <SelectField
              label={t('storefronts.platform')}
              value={kind}
              onValue={(v) => setKind(KINDS.find((k) => k === v) ?? 'generic')}
              options={KINDS.map((k) => ({ value: k, label: t(`storefronts.kind.${k}`) }))}
              error={fieldError(create.error, 'kind')}
            />
            <TextField
              label={t('storefronts.name')}
              value={name}
              onValue={setName}
              required
              error={fieldError(create.error, 'name')}
            />
          </div>
          <ErrorMessage error={create.error} fields={['kind', 'name']} />
          <button type="submit" className="button primary" disabled={create.isPending}>
            {t('storefronts.connectButton')}
          </button>
          {create.data && (
            <div className="notice" role="status">
              <p>{t(`storefronts.instructions.${create.data.connection.kind}`)}</p>
              <p>
                {t('storefronts.webhookUrl')} <code>{url(create.data.connection.webhookPath)}</code>
              </p>
              {create.data.secret && (
                <p>
                  {t('storefronts.secret')} <code>{create.data.secret}</code>
                </p>
              )}
              <p className="muted">{t('storefronts.secretOnce')}</p>
            </div>
          )}
        </form>
      )}
      <ErrorMessage error={connections.error} />
      {connections.isPending ? (
        <Loading />
      ) : connections.data?.connections.length === 0 ? (
        <p className="notice">{t('storefronts.empty')}</p>
      ) : (
        connections.data?.connections.map((c) => (
          <section key={c.id} className="card" aria-label={c.name}>
            <h3>
              {c.name} <span className="muted">{t(`storefronts.kind.${c.kind}`)}</span>
            </h3>
            <p>
              {t('storefronts.webhookUrl')} <code>{url(c.webhookPath)}</code>
            </p>
            <p className="muted">{t('storefronts.connectedOn', { date: date(c.createdAt) })}</p>
            <Quarantine connectionId={c.id} />
          </section>
        ))
      )}
    </section>
  );
}
