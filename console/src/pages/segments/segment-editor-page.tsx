/**
 * Creates or edits a segment: its name, its kind (a condition that keeps itself current, or a
 * list), the condition built visually with a live count, then its members and, for a list, a CSV
 * import. The API's messages show next to the fields they are about.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { api } from '../../api/api.ts';
import { fromCondition, type Group, newGroup, newRule, toCondition } from '../../conditions/builder-model.ts';
import { ConditionBuilder } from '../../conditions/condition-builder.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { ErrorMessage, fieldError } from '../../ui/error-message.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { SegmentImport } from './segment-import.tsx';
import { SegmentMembers } from './segment-members.tsx';
import { SegmentPreview } from './segment-preview.tsx';

const starter = (): Group => ({ ...newGroup('all'), items: [newRule('consent')] });

export function SegmentEditorPage() {
  const { segmentId } = useParams({ strict: false });
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<'dynamic' | 'static'>('dynamic');
  const [builder, setBuilder] = useState<Group>(starter);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [saved, setSaved] = useState(false);

  const segment = useQuery({
    queryKey: ['segment', session.workspaceId, segmentId],
    queryFn: ({ signal }) =>
      api.get('/v1/segments/{segmentId}', { params: { segmentId: segmentId ?? '' }, signal }),
    enabled: segmentId !== undefined,
  });
  useEffect(() => {
    if (!segment.data) return;
    setName(segment.data.name);
    setDescription(segment.data.description ?? '');
    setKind(segment.data.kind);
    setBuilder(fromCondition(segment.data.condition));
  }, [segment.data]);

  const { condition, problems } = toCondition(builder);
  const save = useMutation({
    mutationFn: async () => {
      const common = { name, ...(description ? { description } : {}) };
      if (segmentId)
        return api.patch('/v1/segments/{segmentId}', {
          params: { segmentId },
          body: { ...common, ...(kind === 'dynamic' ? { condition } : {}) },
        });
      return api.post('/v1/segments', {
        body: { ...common, kind, ...(kind === 'dynamic' ? { condition } : {}) },
      });
    },
    onSuccess: (result) => {
      setSaved(true);
      void queryClient.invalidateQueries({ queryKey: ['segments', session.workspaceId] });
      void queryClient.invalidateQueries({ queryKey: ['segment', session.workspaceId, result.id] });
      if (!segmentId) void navigate({ to: '/segments/$segmentId', params: { segmentId: result.id } });
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete('/v1/segments/{segmentId}', { params: { segmentId: segmentId ?? '' } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['segments', session.workspaceId] });
      void navigate({ to: '/segments' });
    },
  });

  if (segmentId && segment.isPending) return <Loading />;
  if (segment.error) return <ErrorMessage error={segment.error} />;
  const readOnly = !session.canWrite;
  const blocked = kind === 'dynamic' && (condition === undefined || problems.length > 0);

  return (
    <section>
      <p>
        <Link to="/segments">{t('segment.back')}</Link>
      </p>
      <PageHeader title={segmentId ? name || t('segment.edit') : t('segment.new')}>
        {segmentId && session.canWrite && (
          <button type="button" className="button danger" onClick={() => setConfirmDelete(true)}>
            {t('segment.delete')}
          </button>
        )}
      </PageHeader>
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          if (!blocked) save.mutate();
        }}
      >
        <TextField
          label={t('segment.name')}
          value={name}
          onValue={setName}
          required
          maxLength={100}
          error={fieldError(save.error, 'name')}
          disabled={readOnly}
        />
        <TextField
          label={t('segment.description')}
          value={description}
          onValue={setDescription}
          maxLength={500}
          error={fieldError(save.error, 'description')}
          disabled={readOnly}
        />
        {!segmentId && (
          <SelectField
            label={t('segments.kind')}
            value={kind}
            onValue={(v) => setKind(v === 'static' ? 'static' : 'dynamic')}
            hint={kind === 'dynamic' ? t('segment.dynamicHint') : t('segment.staticHint')}
            options={[
              { value: 'dynamic', label: t('segments.kind.dynamic') },
              { value: 'static', label: t('segments.kind.static') },
            ]}
          />
        )}
        {kind === 'dynamic' && (
          <>
            <ConditionBuilder value={builder} onChange={setBuilder} problems={problems} disabled={readOnly} />
            {fieldError(save.error, 'condition') && (
              <p className="field-error" role="alert">
                {fieldError(save.error, 'condition')}
              </p>
            )}
          </>
        )}
        <ErrorMessage error={save.error} fields={['name', 'description', 'condition']} />
        {saved && (
          <p className="notice" role="status">
            {t('segment.saved')}
          </p>
        )}
        {!readOnly && (
          <div className="actions">
            <button type="submit" className="button primary" disabled={save.isPending || blocked}>
              {save.isPending ? t('common.saving') : t('segment.save')}
            </button>
          </div>
        )}
      </form>
      {kind === 'dynamic' && <SegmentPreview condition={condition} ready={problems.length === 0} />}
      {segmentId && kind === 'static' && session.canWrite && <SegmentImport segmentId={segmentId} />}
      {segmentId && <SegmentMembers segmentId={segmentId} />}
      <ConfirmDialog
        open={confirmDelete}
        title={t('segment.deleteTitle')}
        confirmLabel={t('segment.delete')}
        danger
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirmDelete(false)}
      >
        <p>{t('segment.deleteBody', { name })}</p>
        <ErrorMessage error={remove.error} />
      </ConfirmDialog>
    </section>
  );
}
