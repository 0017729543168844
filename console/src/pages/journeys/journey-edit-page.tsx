/**
 * Changing a journey in the builder: saved as a new version (PUT /v1/journeys/{id}; a live journey
 * stays live, runs in progress finish on their version). A journey the builder cannot show as it is
 * (an attribute set to a number...) or an archived one is not opened for editing: its page shows it
 * read-only.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage } from '../../ui/error-message.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { JourneyFormEditor } from './form/journey-form.tsx';
import type { JourneyForm } from './form/journey-form-model.ts';
import { formFromDefinition } from './form/journey-form-read.ts';
import { definitionFromForm } from './form/journey-form-write.ts';
import { useBuilderOptions } from './form/use-builder-options.ts';

export function JourneyEditPage() {
  const { journeyId } = useParams({ from: '/journeys/$journeyId/edit' });
  const { t } = useI18n();
  const session = useSession();
  const journey = useQuery({
    queryKey: ['journey', session.workspaceId, journeyId],
    queryFn: ({ signal }) => api.get('/v1/journeys/{journeyId}', { params: { journeyId }, signal }),
  });

  if (journey.isPending) return <Loading />;
  if (journey.error) return <ErrorMessage error={journey.error} />;
  const j = journey.data;
  const form = j.status === 'archived' ? undefined : formFromDefinition(j.definition);
  return (
    <section>
      <p>
        <Link to="/journeys/$journeyId" params={{ journeyId }}>
          {t('journeyForm.backToJourney', { name: j.name })}
        </Link>
      </p>
      <PageHeader title={t('journeyForm.editTitle', { name: j.name })} />
      {form ? (
        <EditForm journeyId={journeyId} initial={form} />
      ) : (
        <p className="notice">
          {j.status === 'archived' ? t('journeyForm.archivedReadOnly') : t('journeyForm.readOnly')}
        </p>
      )}
    </section>
  );
}

function EditForm(props: { readonly journeyId: string; readonly initial: JourneyForm }) {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { journeyId } = props;
  const [form, setForm] = useState(props.initial);
  const options = useBuilderOptions();
  const save = useMutation({
    mutationFn: (value: JourneyForm) =>
      api.put('/v1/journeys/{journeyId}', { params: { journeyId }, body: definitionFromForm(value) }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['journey', session.workspaceId, journeyId] });
      void queryClient.invalidateQueries({ queryKey: ['journeys', session.workspaceId] });
      void navigate({ to: '/journeys/$journeyId', params: { journeyId } });
    },
  });
  return (
    <>
      <ErrorMessage error={options.error} />
      <JourneyFormEditor
        value={form}
        onChange={setForm}
        onSubmit={() => save.mutate(form)}
        submitLabel={t('journeyForm.saveVersion')}
        busy={save.isPending}
        error={save.error}
        templates={options.templates}
        segments={options.segments}
        endpoints={options.endpoints}
      />
    </>
  );
}
