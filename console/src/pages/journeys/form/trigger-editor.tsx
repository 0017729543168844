/**
 * What starts the journey: an event (with property filters), entering or leaving a segment, a
 * lifecycle stage reached, a yearly date of the contact (a birthday), or days without an event.
 */
import { useI18n } from '../../../i18n/i18n.tsx';
import { fieldError } from '../../../ui/error-message.tsx';
import { type Option, SelectField, TextField } from '../../../ui/field.tsx';
import { FiltersEditor } from './filters-editor.tsx';
import { TRIGGER_TYPES, type TriggerForm } from './journey-form-model.ts';

export function TriggerEditor(props: {
  readonly value: TriggerForm;
  readonly onValue: (value: TriggerForm) => void;
  readonly segments: readonly Option[];
  readonly error: unknown;
}) {
  const { t } = useI18n();
  const { value, onValue, error } = props;
  const err = (field: string) => fieldError(error, `trigger.${field}`);
  const set = (patch: Partial<TriggerForm>) => onValue({ ...value, ...patch });

  const fields = (() => {
    switch (value.type) {
      case 'event':
        return (
          <>
            <TextField
              label={t('journeyForm.eventName')}
              hint={t('journeyForm.eventNameHint')}
              value={value.event}
              onValue={(event) => set({ event })}
              error={err('event')}
            />
            <FiltersEditor
              legend={t('journeyForm.eventFilters')}
              value={value.where}
              onValue={(where) => set({ where })}
              path="trigger.where"
              error={error}
            />
          </>
        );
      case 'segment':
        return (
          <>
            <SelectField
              label={t('wizard.segment')}
              value={value.segmentId}
              onValue={(segmentId) => set({ segmentId })}
              error={err('segmentId')}
              options={[{ value: '', label: t('wizard.chooseSegment') }, ...props.segments]}
            />
            <SelectField
              label={t('journeyForm.segmentOn')}
              value={value.on}
              onValue={(on) => set({ on: on === 'exit' ? 'exit' : 'enter' })}
              options={[
                { value: 'enter', label: t('journeyForm.segmentEnter') },
                { value: 'exit', label: t('journeyForm.segmentExit') },
              ]}
            />
          </>
        );
      case 'stage':
        return (
          <>
            <TextField
              label={t('journeyForm.stageTo')}
              value={value.to}
              onValue={(to) => set({ to })}
              error={err('to')}
            />
            <TextField
              label={t('journeyForm.stageFrom')}
              hint={t('journeyForm.optional')}
              value={value.from}
              onValue={(from) => set({ from })}
              error={err('from')}
            />
          </>
        );
      case 'date':
        return (
          <>
            <TextField
              label={t('journeyForm.dateAttribute')}
              hint={t('journeyForm.dateAttributeHint')}
              value={value.attribute}
              onValue={(attribute) => set({ attribute })}
              error={err('field')}
            />
            <TextField
              type="time"
              label={t('journeyForm.dateAt')}
              value={value.at}
              onValue={(at) => set({ at })}
              error={err('at')}
            />
            <TextField
              label={t('journeyForm.dateOffset')}
              hint={t('journeyForm.dateOffsetHint')}
              inputMode="numeric"
              value={value.offsetDays}
              onValue={(offsetDays) => set({ offsetDays })}
              error={err('offsetDays')}
            />
          </>
        );
      case 'inactivity':
        return (
          <>
            <TextField
              label={t('journeyForm.eventName')}
              hint={t('journeyForm.eventNameHint')}
              value={value.event}
              onValue={(event) => set({ event })}
              error={err('event')}
            />
            <TextField
              label={t('journeyForm.inactiveDays')}
              inputMode="numeric"
              value={value.days}
              onValue={(days) => set({ days })}
              error={err('days')}
            />
          </>
        );
    }
  })();

  return (
    <fieldset>
      <legend>{t('journey.trigger')}</legend>
      <SelectField
        label={t('journeyForm.triggerType')}
        value={value.type}
        onValue={(type) => set({ type: TRIGGER_TYPES.find((k) => k === type) ?? value.type })}
        error={fieldError(error, 'trigger.type')}
        options={TRIGGER_TYPES.map((k) => ({ value: k, label: t(`journeyForm.trigger.${k}`) }))}
      />
      {fields}
    </fieldset>
  );
}
