/** Sender domains: add one, and for each its DNS records to publish and its verification status. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage, fieldError } from '../../ui/error-message.tsx';
import { TextField } from '../../ui/field.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';

function DomainStatus(props: { readonly domain: string }) {
  const { t } = useI18n();
  const { workspaceId } = useSession();
  const status = useQuery({
    queryKey: ['sender-domain', workspaceId, props.domain],
    queryFn: ({ signal }) =>
      api.get('/v1/sender-domains/{domain}', { params: { domain: props.domain }, signal }),
  });
  const s = status.data?.status;
  if (!s) return <ErrorMessage error={status.error} />;
  return (
    <p>
      {t('settings.identity')} <StatusBadge status={s.identity} label={s.identity} /> {t('settings.mailFrom')}{' '}
      <StatusBadge status={s.mailFrom} label={s.mailFrom} />{' '}
      {!s.marketing.allowed && s.marketing.reason && <span className="alert-warn">{s.marketing.reason}</span>}
    </p>
  );
}

export function SenderDomainsSection() {
  const { t } = useI18n();
  const session = useSession();
  const queryClient = useQueryClient();
  const [domain, setDomain] = useState('');
  const domains = useQuery({
    queryKey: ['sender-domains', session.workspaceId],
    queryFn: ({ signal }) => api.get('/v1/sender-domains', { signal }),
  });
  const add = useMutation({
    mutationFn: () => api.post('/v1/sender-domains', { body: { domain } }),
    onSuccess: () => {
      setDomain('');
      void queryClient.invalidateQueries({ queryKey: ['sender-domains', session.workspaceId] });
    },
  });
  return (
    <section className="card" aria-labelledby="domains-title">
      <h2 id="domains-title">{t('settings.senderDomains')}</h2>
      <ErrorMessage error={domains.error} />
      {domains.data?.senderDomains.map((d) => (
        <article key={d.domain}>
          <h3>
            {d.domain} <span className="muted">{d.from}</span>
          </h3>
          <DomainStatus domain={d.domain} />
          <div className="table-wrap">
            <table>
              <caption className="muted">{t('settings.dnsRecords')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('settings.dnsType')}</th>
                  <th scope="col">{t('settings.dnsName')}</th>
                  <th scope="col">{t('settings.dnsValue')}</th>
                </tr>
              </thead>
              <tbody>
                {d.dnsRecords.map((r) => (
                  <tr key={`${r.type}-${r.name}-${r.value}`}>
                    <td>{r.type}</td>
                    <td>
                      <code>{r.name}</code>
                    </td>
                    <td>
                      <code>{r.value}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </article>
      ))}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <h3>{t('settings.addDomain')}</h3>
        <TextField
          label={t('settings.domain')}
          value={domain}
          onValue={setDomain}
          required
          error={fieldError(add.error, 'domain')}
        />
        <ErrorMessage error={add.error} fields={['domain']} />
        <button type="submit" className="button primary" disabled={add.isPending}>
          {t('settings.addDomain')}
        </button>
      </form>
    </section>
  );
}
