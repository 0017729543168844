/** Logs a call or a meeting on a contact (POST /v1/contacts/{id}/interactions); it lands on the timeline. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage, fieldError } from '../../ui/error-message.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/field.tsx';

type Kind = 'call' | 'meeting' | 'note';
const isKind = (v: string): v is Kind => v === 'call' || v === 'meeting' || v === 'note';

export function LogInteractionForm(props: { readonly contactId: string }) {
  const { t } = useI18n();
  const session = useSession();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>('call');
  const [summary, setSummary] = useState('');
  const [minutes, setMinutes] = useState('');
  const log = useMutation({
    mutationFn: () =>
      api.post('/v1/contacts/{contactId}/interactions', {
        params: { contactId: props.contactId },
        body: {
          kind,
          summary,
          by: session.me.user.email,
          ...(minutes ? { durationMinutes: Number(minutes) } : {}),
        },
      }),
    onSuccess: () => {
      setSummary('');
      setMinutes('');
      void queryClient.invalidateQueries({ queryKey: ['timeline', session.workspaceId, props.contactId] });
    },
  });
  return (
    <section className="card" aria-labelledby="log-title">
      <h2 id="log-title">{t('contact.logTitle')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          log.mutate();
        }}
      >
        <SelectField
          label={t('contact.logKind')}
          value={kind}
          onValue={(v) => isKind(v) && setKind(v)}
          options={[
            { value: 'call', label: t('contact.kind.call') },
            { value: 'meeting', label: t('contact.kind.meeting') },
            { value: 'note', label: t('contact.kind.note') },
          ]}
          error={fieldError(log.error, 'kind')}
        />
        <TextAreaField
          label={t('contact.logSummary')}
          value={summary}
          onValue={setSummary}
          required
          error={fieldError(log.error, 'summary')}
        />
        <TextField
          label={t('contact.logMinutes')}
          type="number"
          min={0}
          inputMode="numeric"
          value={minutes}
          onValue={setMinutes}
          error={fieldError(log.error, 'durationMinutes')}
        />
        <ErrorMessage error={log.error} fields={['kind', 'summary', 'durationMinutes']} />
        {log.isSuccess && (
          <p className="notice" role="status">
            {t('contact.logged')}
          </p>
        )}
        <button type="submit" className="button primary" disabled={log.isPending}>
          {t('contact.logSubmit')}
        </button>
      </form>
    </section>
  );
}
