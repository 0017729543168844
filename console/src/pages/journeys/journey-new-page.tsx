/**
 * A new journey without JSON: pick one of the ready-made shapes (welcome series, abandoned
 * checkout, post-purchase, win-back, birthday, lead nurture) or a blank one, change it in the
 * builder, and save it as a draft (POST /v1/journeys); its page then shows it with the dry run.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage } from '../../ui/error-message.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { JourneyFormEditor } from './form/journey-form.tsx';
import { blankForm, type JourneyForm } from './form/journey-form-model.ts';
import { formFromDefinition } from './form/journey-form-read.ts';
import { definitionFromForm } from './form/journey-form-write.ts';
import { useBuilderOptions } from './form/use-builder-options.ts';

export function JourneyNewPage() {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<JourneyForm | undefined>();
  const options = useBuilderOptions();
  const shapes = useQuery({
    queryKey: ['ready-made', session.workspaceId],
    queryFn: ({ signal }) => api.get('/v1/journeys/ready-made', { signal }),
  });
  const save = useMutation({
    mutationFn: (value: JourneyForm) => api.post('/v1/journeys', { body: definitionFromForm(value) }),
    onSuccess: (journey) => {
      void queryClient.invalidateQueries({ queryKey: ['journeys', session.workspaceId] });
      void navigate({ to: '/journeys/$journeyId', params: { journeyId: journey.id } });
    },
  });

  return (
    <section>
      <p>
        <Link to="/journeys">{t('journey.back')}</Link>
      </p>
      <PageHeader title={t('journeys.new')} />
      {form ? (
        <>
          <p>
            <button type="button" className="button link" onClick={() => setForm(undefined)}>
              {t('journeyForm.otherShape')}
            </button>
          </p>
          <ErrorMessage error={options.error} />
          <JourneyFormEditor
            value={form}
            onChange={setForm}
            onSubmit={() => save.mutate(form)}
            submitLabel={t('journeyForm.saveDraft')}
            busy={save.isPending}
            error={save.error}
            templates={options.templates}
            segments={options.segments}
            endpoints={options.endpoints}
          />
        </>
      ) : (
        <section className="card" aria-labelledby="shapes-title">
          <h2 id="shapes-title">{t('journeyForm.pickShape')}</h2>
          <p className="muted">{t('journeyForm.pickShapeHint')}</p>
          <ErrorMessage error={shapes.error} />
          {shapes.isPending && <Loading />}
          <div className="grid">
            {shapes.data?.journeys.map((shape) => {
              const shaped = formFromDefinition(shape.definition);
              return (
                shaped && (
                  <article key={shape.name} className="card">
                    <h3>{shape.title}</h3>
                    <p>{shape.description}</p>
                    <button type="button" className="button primary" onClick={() => setForm(shaped)}>
                      {t('journeyForm.useShape', { title: shape.title })}
                    </button>
                  </article>
                )
              );
            })}
            <article className="card">
              <h3>{t('journeyForm.blank')}</h3>
              <p>{t('journeyForm.blankHint')}</p>
              <button type="button" className="button secondary" onClick={() => setForm(blankForm())}>
                {t('journeyForm.useBlank')}
              </button>
            </article>
          </div>
        </section>
      )}
    </section>
  );
}
