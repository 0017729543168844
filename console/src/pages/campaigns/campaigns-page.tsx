/** Campaigns: a page at a time, newest first, filtered by status. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage } from '../../ui/error-message.tsx';
import { SelectField } from '../../ui/field.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { Pager, usePager } from '../../ui/pager.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { CAMPAIGN_STATUSES, type CampaignStatus } from './campaign-status.ts';

export function CampaignsPage() {
  const { t, dateTime } = useI18n();
  const session = useSession();
  const pager = usePager();
  const [status, setStatus] = useState<CampaignStatus | ''>('');
  const campaigns = useQuery({
    queryKey: ['campaigns', session.workspaceId, status, pager.cursor],
    queryFn: ({ signal }) =>
      api.get('/v1/campaigns', {
        query: {
          limit: 25,
          ...(status ? { status } : {}),
          ...(pager.cursor ? { cursor: pager.cursor } : {}),
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
  return (
    <section>
      <PageHeader title={t('campaigns.title')}>
        {session.canWrite && (
          <Link to="/campaigns/new" className="button primary">
            {t('campaigns.new')}
          </Link>
        )}
      </PageHeader>
      <SelectField
        label={t('campaigns.filter')}
        value={status}
        onValue={(v) => {
          setStatus(CAMPAIGN_STATUSES.find((s) => s === v) ?? '');
          pager.reset();
        }}
        options={[
          { value: '', label: t('campaigns.allStatuses') },
          ...CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`campaign.status.${s}`) })),
        ]}
      />
      <ErrorMessage error={campaigns.error} />
      {campaigns.isPending ? (
        <Loading />
      ) : campaigns.data?.campaigns.length === 0 ? (
        <p className="notice">{t('campaigns.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('campaigns.name')}</th>
                <th scope="col">{t('campaigns.status')}</th>
                <th scope="col">{t('campaigns.template')}</th>
                <th scope="col">{t('campaigns.when')}</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.data?.campaigns.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to="/campaigns/$campaignId" params={{ campaignId: c.id }}>
                      {c.name}
                    </Link>
                  </td>
                  <td>
                    <StatusBadge status={c.status} label={t(`campaign.status.${c.status}`)} />
                  </td>
                  <td>
                    <code>{c.template.templateId}</code>
                  </td>
                  <td>{dateTime(c.startedAt ?? c.sendAt ?? c.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager pager={pager} next={campaigns.data?.next} busy={campaigns.isFetching} />
    </section>
  );
}
