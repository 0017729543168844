/** Names with text values (attributes an update sets, a signal's or an event's properties). */
import { useI18n } from '../../../i18n/i18n.tsx';
import { TextField } from '../../../ui/field.tsx';
import { newPair, type Pair } from './journey-form-model.ts';

export function PairsEditor(props: {
  readonly legend: string;
  readonly value: readonly Pair[];
  readonly onValue: (value: readonly Pair[]) => void;
  readonly error?: string | undefined;
}) {
  const { t } = useI18n();
  const { value, onValue } = props;
  const set = (i: number, pair: Pair) => onValue(value.map((p, n) => (n === i ? pair : p)));
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.error && <p className="field-error">{props.error}</p>}
      {value.map((pair, i) => (
        <div className="builder-row" key={pair.key}>
          <TextField
            label={t('journeyForm.pairName')}
            value={pair.name}
            onValue={(name) => set(i, { ...pair, name })}
          />
          <TextField
            label={t('journeyForm.pairValue')}
            value={pair.value}
            onValue={(v) => set(i, { ...pair, value: v })}
          />
          <button
            type="button"
            className="button link"
            onClick={() => onValue(value.filter((_, n) => n !== i))}
          >
            {t('journeyForm.removePair')}
          </button>
        </div>
      ))}
      <button type="button" className="button secondary" onClick={() => onValue([...value, newPair()])}>
        {t('journeyForm.addPair')}
      </button>
    </fieldset>
  );
}
