/** The made-up sequence: the trigger event's properties, then events each some time after it. */
import { useI18n } from '../../../i18n/i18n.tsx';
import { TextField } from '../../../ui/field.tsx';
import { DurationField } from '../form/duration-field.tsx';
import { type Pair, rowKey } from '../form/journey-form-model.ts';
import { PairsEditor } from '../form/pairs-editor.tsx';
import type { MadeUpEvent } from './dry-run-model.ts';

export function MadeUpEvents(props: {
  readonly trigger: readonly Pair[];
  readonly onTrigger: (value: readonly Pair[]) => void;
  readonly events: readonly MadeUpEvent[];
  readonly onEvents: (value: readonly MadeUpEvent[]) => void;
}) {
  const { t } = useI18n();
  const { events, onEvents } = props;
  const set = (i: number, event: MadeUpEvent) => onEvents(events.map((e, n) => (n === i ? event : e)));
  return (
    <>
      <PairsEditor
        legend={t('journeyRun.triggerProperties')}
        value={props.trigger}
        onValue={props.onTrigger}
      />
      <fieldset>
        <legend>{t('journeyRun.events')}</legend>
        {events.length === 0 && <p className="muted">{t('journeyRun.noEvents')}</p>}
        {events.map((event, i) => (
          <fieldset key={event.key}>
            <legend>{t('journeyRun.eventN', { n: i + 1 })}</legend>
            <TextField
              label={t('journeyForm.eventName')}
              hint={t('journeyForm.eventNameHint')}
              value={event.name}
              onValue={(name) => set(i, { ...event, name })}
            />
            <DurationField
              legend={t('journeyRun.after')}
              value={event.after}
              onValue={(after) => set(i, { ...event, after })}
            />
            <PairsEditor
              legend={t('journeyRun.eventProperties')}
              value={event.properties}
              onValue={(properties) => set(i, { ...event, properties })}
            />
            <button
              type="button"
              className="button link"
              onClick={() => onEvents(events.filter((_, n) => n !== i))}
            >
              {t('journeyRun.removeEvent', { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="button secondary"
          onClick={() =>
            onEvents([
              ...events,
              { key: rowKey(), name: '', properties: [], after: { amount: '1', unit: 'hours' } },
            ])
          }
        >
          {t('journeyRun.addEvent')}
        </button>
      </fieldset>
    </>
  );
}
