/**
 * Lead scoring: the points of each engagement and fit rule and the score each lifecycle stage starts
 * at, edited in place and saved as the workspace's model; with the workspace's score distribution
 * (./score-distribution.tsx).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../api/api.ts';
import type { ResponseOf } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage, fieldError } from '../../ui/error-message.tsx';
import { TextField } from '../../ui/field.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ScoreDistribution } from './score-distribution.tsx';

type Effective = ResponseOf<'/v1/scoring-model', 'get'>['effective'];

export function ScoringPage() {
  const { t } = useI18n();
  const session = useSession();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Effective | undefined>();
  const model = useQuery({
    queryKey: ['scoring-model', session.workspaceId],
    queryFn: ({ signal }) => api.get('/v1/scoring-model', { signal }),
  });
  useEffect(() => {
    if (model.data) setDraft(model.data.effective);
  }, [model.data]);
  const save = useMutation({
    mutationFn: () => {
      if (!draft) throw new Error('no model');
      return api.put('/v1/scoring-model', {
        body: {
          engagement: draft.engagement,
          fit: draft.fit,
          decay: draft.decay,
          floor: draft.floor,
          lifecycle: draft.lifecycle,
        },
      });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['scoring-model', session.workspaceId] });
      // The distribution lists the model's stages.
      void queryClient.invalidateQueries({ queryKey: ['score-distribution', session.workspaceId] });
    },
  });

  if (model.isPending) return <Loading />;
  if (model.error || !draft) return <ErrorMessage error={model.error} />;
  const readOnly = !session.isAdmin && !session.canWrite;
  const points = (v: string) => (Number.isFinite(Number(v)) ? Number(v) : 0);

  return (
    <section>
      <PageHeader title={t('scoring.title')} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <section className="card" aria-labelledby="engagement-title">
          <h2 id="engagement-title">{t('scoring.engagement')}</h2>
          {draft.engagement.length === 0 && <p className="muted">{t('scoring.noRules')}</p>}
          {draft.engagement.map((rule, i) => (
            <TextField
              key={rule.id}
              label={t('scoring.eventPoints', { event: rule.event })}
              type="number"
              value={String(rule.points)}
              disabled={readOnly}
              error={fieldError(save.error, `engagement[${i}].points`)}
              onValue={(v) =>
                setDraft({
                  ...draft,
                  engagement: draft.engagement.map((r, j) => (j === i ? { ...r, points: points(v) } : r)),
                })
              }
            />
          ))}
        </section>
        <section className="card" aria-labelledby="fit-title">
          <h2 id="fit-title">{t('scoring.fit')}</h2>
          {draft.fit.length === 0 && <p className="muted">{t('scoring.noRules')}</p>}
          {draft.fit.map((rule, i) => (
            <TextField
              key={rule.id}
              label={t('scoring.rulePoints', { rule: rule.id })}
              type="number"
              value={String(rule.points)}
              disabled={readOnly}
              error={fieldError(save.error, `fit[${i}].points`)}
              onValue={(v) =>
                setDraft({
                  ...draft,
                  fit: draft.fit.map((r, j) => (j === i ? { ...r, points: points(v) } : r)),
                })
              }
            />
          ))}
        </section>
        <section className="card" aria-labelledby="stages-title">
          <h2 id="stages-title">{t('scoring.stages')}</h2>
          <p className="hint">{t('scoring.stagesHint', { stages: draft.lifecycle.stages.join(' → ') })}</p>
          {draft.lifecycle.thresholds.map((th, i) => (
            <TextField
              key={th.stage}
              label={t('scoring.threshold', { stage: th.stage })}
              type="number"
              value={String(th.minScore)}
              disabled={readOnly}
              error={fieldError(save.error, `lifecycle.thresholds[${i}].minScore`)}
              onValue={(v) =>
                setDraft({
                  ...draft,
                  lifecycle: {
                    ...draft.lifecycle,
                    thresholds: draft.lifecycle.thresholds.map((x, j) =>
                      j === i ? { ...x, minScore: points(v) } : x,
                    ),
                  },
                })
              }
            />
          ))}
        </section>
        <ErrorMessage error={save.error} />
        {save.isSuccess && (
          <p className="notice" role="status">
            {t('scoring.saved')}
          </p>
        )}
        {!readOnly && (
          <button type="submit" className="button primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('scoring.save')}
          </button>
        )}
      </form>
      <ScoreDistribution thresholds={draft.lifecycle.thresholds} />
    </section>
  );
}
