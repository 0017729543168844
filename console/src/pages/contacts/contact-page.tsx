/**
 * A contact's profile: details, consent, score and stage with its breakdown, segments, purchases,
 * the timeline, logging a call or meeting, and the two privacy actions (export, erase).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { ErrorMessage } from '../../ui/error-message.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { contactName } from './contact-name.ts';
import { ContactTimeline } from './contact-timeline.tsx';
import { LogInteractionForm } from './log-interaction-form.tsx';

const download = (name: string, data: unknown) => {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
};

export function ContactPage() {
  const { contactId } = useParams({ from: '/contacts/$contactId' });
  const { t, number, date, dateTime, money } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [confirmErase, setConfirmErase] = useState(false);
  const contact = useQuery({
    queryKey: ['contact', session.workspaceId, contactId],
    queryFn: ({ signal }) =>
      api.get('/v1/contacts/{contactId}', {
        params: { contactId },
        query: { include: 'scoreBreakdown' },
        signal,
      }),
  });
  const segments = useQuery({
    queryKey: ['contact-segments', session.workspaceId, contactId],
    queryFn: ({ signal }) => api.get('/v1/contacts/{contactId}/segments', { params: { contactId }, signal }),
  });
  const exportContact = useMutation({
    mutationFn: () => api.get('/v1/contacts/{contactId}/export', { params: { contactId } }),
    onSuccess: (data) => download(`contact-${contactId}.json`, data),
  });
  const erase = useMutation({
    mutationFn: () => api.delete('/v1/contacts/{contactId}', { params: { contactId } }),
    onSuccess: () => void navigate({ to: '/contacts' }),
  });

  if (contact.isPending) return <Loading />;
  if (contact.error) return <ErrorMessage error={contact.error} />;
  const c = contact.data;
  const breakdown = c.scoreBreakdown;

  return (
    <section>
      <p>
        <Link to="/contacts">{t('contact.back')}</Link>
      </p>
      <PageHeader title={contactName(c)}>
        <button
          type="button"
          className="button secondary"
          onClick={() => exportContact.mutate()}
          disabled={exportContact.isPending}
        >
          {exportContact.isPending ? t('contact.exporting') : t('contact.export')}
        </button>
        {session.canWrite && (
          <button type="button" className="button danger" onClick={() => setConfirmErase(true)}>
            {t('contact.erase')}
          </button>
        )}
      </PageHeader>
      <ErrorMessage error={exportContact.error} />
      <div className="grid">
        <section className="card" aria-labelledby="details-title">
          <h2 id="details-title">{t('contact.details')}</h2>
          <dl>
            <dt>{t('contacts.email')}</dt>
            <dd>{c.email ?? t('common.none')}</dd>
            <dt>{t('contact.phone')}</dt>
            <dd>{c.phone ?? t('common.none')}</dd>
            <dt>{t('contact.locale')}</dt>
            <dd>{c.locale ?? t('common.none')}</dd>
            <dt>{t('contact.timezone')}</dt>
            <dd>{c.timezone ?? t('common.none')}</dd>
            <dt>{t('contact.tags')}</dt>
            <dd>{c.tags.length ? c.tags.join(', ') : t('common.none')}</dd>
            <dt>{t('contacts.created')}</dt>
            <dd>{dateTime(c.createdAt)}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="consent-title">
          <h2 id="consent-title">{t('contact.consent')}</h2>
          {Object.keys(c.consent).length === 0 ? (
            <p className="muted">{t('contact.noConsent')}</p>
          ) : (
            <ul>
              {Object.entries(c.consent).map(([channel, consent]) => (
                <li key={channel}>
                  {channel}: <StatusBadge status={consent.status} label={t(`consent.${consent.status}`)} />{' '}
                  <span className="muted">{t('contact.consentSince', { date: date(consent.at) })}</span>
                </li>
              ))}
            </ul>
          )}
          {c.suppression && (
            <p className="alert-warn">{t('contact.suppressed', { reason: c.suppression.reason })}</p>
          )}
        </section>
        <section className="card" aria-labelledby="score-title">
          <h2 id="score-title">{t('contact.scoreAndStage')}</h2>
          <dl className="figures">
            <div className="figure">
              <dt>{t('contacts.score')}</dt>
              <dd>{number(breakdown?.score ?? c.score)}</dd>
            </div>
            <div className="figure">
              <dt>{t('contacts.stage')}</dt>
              <dd>{c.stage ?? t('common.none')}</dd>
            </div>
          </dl>
          {breakdown && (
            <p className="muted">
              {t('contact.breakdown', {
                engagement: number(breakdown.engagement),
                fit: number(breakdown.fit),
              })}
            </p>
          )}
        </section>
        <section className="card" aria-labelledby="segments-title">
          <h2 id="segments-title">{t('nav.segments')}</h2>
          <ErrorMessage error={segments.error} />
          {segments.data?.segments.length === 0 && <p className="muted">{t('contact.noSegments')}</p>}
          <ul>
            {segments.data?.segments.map((s) => (
              <li key={s.id}>
                <Link to="/segments/$segmentId" params={{ segmentId: s.id }}>
                  {s.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="orders-title">
          <h2 id="orders-title">{t('contact.orders')}</h2>
          {!c.purchases || c.purchases.orderCount === 0 ? (
            <p className="muted">{t('contact.noOrders')}</p>
          ) : (
            <>
              <p>
                {t('contact.orderCount', { count: number(c.purchases.orderCount) })}
                {c.purchases.lastOrderAt &&
                  ` · ${t('contact.lastOrder', { date: date(c.purchases.lastOrderAt) })}`}
              </p>
              <ul>
                {Object.entries(c.purchases.totals).map(([currency, total]) => (
                  <li key={currency}>
                    {t('contact.spent', {
                      spent: money(total.spent, currency),
                      average: money(total.average, currency),
                    })}
                  </li>
                ))}
              </ul>
              {c.purchases.products.length > 0 && (
                <p className="muted">
                  {t('contact.products', { products: c.purchases.products.join(', ') })}
                </p>
              )}
            </>
          )}
        </section>
      </div>
      {session.canWrite && <LogInteractionForm contactId={contactId} />}
      <ContactTimeline contactId={contactId} />
      <ConfirmDialog
        open={confirmErase}
        title={t('contact.eraseTitle')}
        confirmLabel={t('contact.eraseConfirm')}
        danger
        busy={erase.isPending}
        onConfirm={() => erase.mutate()}
        onClose={() => setConfirmErase(false)}
      >
        <p>{t('contact.eraseBody', { name: contactName(c) })}</p>
        <ErrorMessage error={erase.error} />
      </ConfirmDialog>
    </section>
  );
}
