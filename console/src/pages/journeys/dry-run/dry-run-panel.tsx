/**
 * The dry run on a journey's page: simulate its latest version for a real contact or for a made-up
 * sequence of events (POST /v1/journeys/dry-run); nothing is written or sent.
 */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../../api/api.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ErrorMessage } from '../../../ui/error-message.tsx';
import { TextField } from '../../../ui/field.tsx';
import type { Pair } from '../form/journey-form-model.ts';
import { ContactPicker, type PickedContact } from './contact-picker.tsx';
import { dryRunBody, type MadeUpEvent, startOf } from './dry-run-model.ts';
import { DryRunResultView } from './dry-run-result.tsx';
import { MadeUpEvents } from './made-up-events.tsx';

export function DryRunPanel(props: { readonly journeyId: string }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'madeUp' | 'contact'>('madeUp');
  const [contact, setContact] = useState<PickedContact | undefined>();
  const [trigger, setTrigger] = useState<readonly Pair[]>([]);
  const [events, setEvents] = useState<readonly MadeUpEvent[]>([]);
  const [start, setStart] = useState('');
  const run = useMutation({
    mutationFn: () =>
      api.post('/v1/journeys/dry-run', {
        body: dryRunBody(
          props.journeyId,
          mode === 'contact'
            ? { kind: 'contact', contactId: contact?.id ?? '' }
            : { kind: 'madeUp', trigger, events },
          startOf(start, new Date()),
        ),
      }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate();
  };

  return (
    <section className="card" aria-labelledby="dry-run-title">
      <h2 id="dry-run-title">{t('journeyRun.title')}</h2>
      <p className="muted">{t('journeyRun.hint')}</p>
      <form onSubmit={submit}>
        <fieldset>
          <legend>{t('journeyRun.for')}</legend>
          {(['madeUp', 'contact'] as const).map((m) => (
            <label className="inline-field" key={m}>
              <input type="radio" name="dry-run-mode" checked={mode === m} onChange={() => setMode(m)} />
              {t(`journeyRun.mode.${m}`)}
            </label>
          ))}
        </fieldset>
        {mode === 'contact' ? (
          <ContactPicker value={contact} onValue={setContact} />
        ) : (
          <MadeUpEvents trigger={trigger} onTrigger={setTrigger} events={events} onEvents={setEvents} />
        )}
        <TextField
          type="datetime-local"
          label={t('journeyRun.start')}
          hint={t('journeyRun.startHint')}
          value={start}
          onValue={setStart}
        />
        <ErrorMessage error={run.error} />
        <div className="actions">
          <button
            type="submit"
            className="button primary"
            disabled={run.isPending || (mode === 'contact' && !contact)}
          >
            {run.isPending ? t('journeyRun.running') : t('journeyRun.run')}
          </button>
        </div>
      </form>
      {run.data && <DryRunResultView result={run.data} />}
    </section>
  );
}
