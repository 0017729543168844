/**
 * CSV import into a static segment: the file is uploaded (text/csv), then the import's progress is
 * polled until it is done, with the rows refused and why.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage } from '../../ui/error-message.tsx';

export function SegmentImport(props: { readonly segmentId: string }) {
  const { t, number } = useI18n();
  const { workspaceId } = useSession();
  const inputId = useId();
  const [file, setFile] = useState<File | undefined>();
  const start = useMutation({
    mutationFn: async () => {
      if (!file) throw new Error('no file');
      return api.post('/v1/segments/{segmentId}/imports', {
        params: { segmentId: props.segmentId },
        raw: { contentType: 'text/csv', text: await file.text() },
      });
    },
  });
  const importId = start.data?.id;
  const progress = useQuery({
    queryKey: ['segment-import', workspaceId, props.segmentId, importId],
    queryFn: ({ signal }) =>
      api.get('/v1/segments/{segmentId}/imports/{importId}', {
        params: { segmentId: props.segmentId, importId: importId ?? '' },
        signal,
      }),
    enabled: importId !== undefined,
    refetchInterval: (q) => (q.state.data?.status === 'done' ? false : 1000),
  });
  const job = progress.data ?? start.data;
  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">{t('segment.import')}</h2>
      <p className="hint">{t('segment.importHint')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          start.mutate();
        }}
      >
        <div className="field">
          <label htmlFor={inputId}>{t('segment.importFile')}</label>
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </div>
        <button type="submit" className="button secondary" disabled={!file || start.isPending}>
          {t('segment.importStart')}
        </button>
      </form>
      <ErrorMessage error={start.error ?? progress.error} />
      {job && (
        <div aria-live="polite">
          <progress className="progress" max={Math.max(job.total, 1)} value={job.processed} />
          <p>
            {t('segment.importProgress', {
              processed: number(job.processed),
              total: number(job.total),
              added: number(job.added),
            })}
          </p>
          {job.status === 'done' && <p className="notice">{t('segment.importDone')}</p>}
          {job.errors.length > 0 && (
            <ul>
              {job.errors.map((e) => (
                <li key={e.line}>{t('segment.importError', { line: e.line, message: e.message })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
