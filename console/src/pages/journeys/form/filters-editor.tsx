/**
 * Property filters of an event (the trigger's, an awaited event's, the goal's): a path into the
 * event, an operator and a value, each row with the API's errors for its fields.
 */
import { useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/messages/en.ts';
import { fieldError } from '../../../ui/error-message.tsx';
import { SelectField, TextField } from '../../../ui/field.tsx';
import { FILTER_OPS, type FilterOp, type FilterRow, newFilter } from './journey-form-model.ts';

const OP_LABELS: Record<FilterOp, MessageKey> = {
  equals: 'builder.op.equals',
  notEquals: 'builder.op.notEquals',
  in: 'journeyForm.op.in',
  notIn: 'journeyForm.op.notIn',
  contains: 'builder.op.contains',
  startsWith: 'builder.op.startsWith',
  endsWith: 'builder.op.endsWith',
  gt: 'builder.op.gt',
  gte: 'builder.op.gte',
  lt: 'builder.op.lt',
  lte: 'builder.op.lte',
  before: 'journeyForm.op.before',
  after: 'journeyForm.op.after',
  withinLastDays: 'builder.op.withinLastDays',
  notWithinLastDays: 'builder.op.notWithinLastDays',
  olderThanDays: 'builder.op.olderThanDays',
  exists: 'builder.op.exists',
  notExists: 'builder.op.notExists',
};
const TEXT_OPS: readonly FilterOp[] = [
  'equals',
  'notEquals',
  'in',
  'notIn',
  'contains',
  'startsWith',
  'endsWith',
];

export function FiltersEditor(props: {
  readonly legend: string;
  readonly value: readonly FilterRow[];
  readonly onValue: (value: readonly FilterRow[]) => void;
  /** The API's path of the list (`trigger.where`) and its error. */
  readonly path: string;
  readonly error: unknown;
}) {
  const { t } = useI18n();
  const { value, onValue, path, error } = props;
  const set = (i: number, row: FilterRow) => onValue(value.map((r, n) => (n === i ? row : r)));
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {value.length === 0 && <p className="muted">{t('journeyForm.noFilters')}</p>}
      {value.map((row, i) => {
        const at = `${path}[${i}]`;
        const noValue = row.op === 'exists' || row.op === 'notExists';
        const days = row.op.endsWith('Days');
        return (
          <div className="builder-row" key={row.key}>
            <TextField
              label={t('journeyForm.filterPath')}
              hint={t('journeyForm.filterPathHint')}
              value={row.path}
              onValue={(p) => set(i, { ...row, path: p })}
              error={fieldError(error, `${at}.path`)}
            />
            <SelectField
              label={t('builder.operator')}
              value={row.op}
              onValue={(op) => set(i, { ...row, op: FILTER_OPS.find((o) => o === op) ?? row.op })}
              options={FILTER_OPS.map((op) => ({ value: op, label: t(OP_LABELS[op]) }))}
            />
            {!noValue && (
              <TextField
                label={days ? t('builder.days') : t('builder.value')}
                hint={row.op === 'in' || row.op === 'notIn' ? t('journeyForm.listHint') : undefined}
                value={row.value}
                onValue={(v) => set(i, { ...row, value: v })}
                error={fieldError(error, days ? `${at}.days` : `${at}.value`)}
              />
            )}
            {TEXT_OPS.includes(row.op) && (
              <label className="inline-field">
                <input
                  type="checkbox"
                  checked={row.caseInsensitive}
                  onChange={(e) => set(i, { ...row, caseInsensitive: e.target.checked })}
                />
                {t('journeyForm.caseInsensitive')}
              </label>
            )}
            <button
              type="button"
              className="button link"
              onClick={() => onValue(value.filter((_, n) => n !== i))}
            >
              {t('journeyForm.removeFilter')}
            </button>
          </div>
        );
      })}
      <button type="button" className="button secondary" onClick={() => onValue([...value, newFilter()])}>
        {t('journeyForm.addFilter')}
      </button>
    </fieldset>
  );
}
