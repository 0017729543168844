/** A duration as an amount and a unit (minutes, hours, days), with the API's error for it. */
import { useI18n } from '../../../i18n/i18n.tsx';
import { SelectField, TextField } from '../../../ui/field.tsx';
import { DURATION_UNITS, type DurationForm } from './journey-form-model.ts';

export function DurationField(props: {
  readonly legend: string;
  readonly value: DurationForm;
  readonly onValue: (value: DurationForm) => void;
  readonly error?: string | undefined;
}) {
  const { t } = useI18n();
  const { value, onValue } = props;
  return (
    <fieldset className="builder-row">
      <legend>{props.legend}</legend>
      <TextField
        label={t('journeyForm.amount')}
        inputMode="numeric"
        size={6}
        value={value.amount}
        onValue={(amount) => onValue({ ...value, amount })}
        error={props.error}
      />
      <SelectField
        label={t('journeyForm.unit')}
        value={value.unit}
        onValue={(unit) => onValue({ ...value, unit: DURATION_UNITS.find((u) => u === unit) ?? value.unit })}
        options={DURATION_UNITS.map((u) => ({ value: u, label: t(`journeyForm.unit.${u}`) }))}
      />
    </fieldset>
  );
}
