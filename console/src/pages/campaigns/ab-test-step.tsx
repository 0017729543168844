/**
 * The wizard's A/B step: off by default; on, 2 to 4 variants (A is the campaign itself, another
 * subject at most; the others another subject, another template, or both), the share of the
 * audience in the test, what picks the winner and when. The API's messages show next to each field.
 */
import { ApiError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { fieldError } from '../../ui/error-message.tsx';
import { type Option, SelectField, TextField } from '../../ui/field.tsx';
import {
  AB_METRICS,
  type AbTestForm,
  addVariant,
  DECIDE_UNITS,
  isAbMetric,
  isDecideUnit,
  MAX_AB_VARIANTS,
  MIN_AB_VARIANTS,
  removeVariant,
  updateVariant,
  variantLabel,
} from './ab-test-form.ts';

/** The API's messages about exactly this path (not the fields under it). */
const ownIssues = (error: unknown, path: string): string[] =>
  error instanceof ApiError ? error.issues.filter((i) => i.path === path).map((i) => i.message) : [];

export function AbTestStep(props: {
  readonly form: AbTestForm;
  readonly onForm: (form: AbTestForm) => void;
  /** Marketing templates other than the campaign's. */
  readonly templates: readonly Option[];
  readonly error: unknown;
}) {
  const { t } = useI18n();
  const { form, onForm, error } = props;
  const own = ownIssues(error, 'abTest');
  return (
    <section aria-labelledby="ab-test-title">
      <h3 id="ab-test-title">{t('wizard.abTest')}</h3>
      <label className="inline-field">
        <input
          type="checkbox"
          checked={form.enabled}
          onChange={(e) => onForm({ ...form, enabled: e.target.checked })}
        />
        {t('wizard.abEnable')}
      </label>
      <p className="hint">{t('wizard.abHint')}</p>
      {own.length > 0 && (
        <p className="field-error" role="alert">
          {own.join('; ')}
        </p>
      )}
      {form.enabled && (
        <>
          {form.variants.map((v, i) => {
            const label = variantLabel(i);
            const path = `abTest.variants[${i}]`;
            const variantIssues = ownIssues(error, path);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a variant is its place in the list (A, B...)
              <fieldset key={i} data-testid={`variant-${label}`}>
                <legend>{t('wizard.variant', { label })}</legend>
                {i === 0 && <p className="hint">{t('wizard.variantAHint')}</p>}
                <TextField
                  label={t('wizard.variantSubject', { label })}
                  value={v.subject}
                  onValue={(subject) => onForm(updateVariant(form, i, { subject }))}
                  hint={t('wizard.variantSubjectHint')}
                  error={fieldError(error, `${path}.subject`)}
                />
                {i > 0 && (
                  <SelectField
                    label={t('wizard.variantTemplate', { label })}
                    value={v.templateId}
                    onValue={(templateId) => onForm(updateVariant(form, i, { templateId }))}
                    options={[{ value: '', label: t('wizard.variantSameTemplate') }, ...props.templates]}
                    error={fieldError(error, `${path}.template`)}
                  />
                )}
                {variantIssues.length > 0 && (
                  <p className="field-error" role="alert">
                    {variantIssues.join('; ')}
                  </p>
                )}
                {i > 0 && form.variants.length > MIN_AB_VARIANTS && (
                  <button
                    type="button"
                    className="button link"
                    onClick={() => onForm(removeVariant(form, i))}
                  >
                    {t('wizard.removeVariant', { label })}
                  </button>
                )}
              </fieldset>
            );
          })}
          {form.variants.length < MAX_AB_VARIANTS && (
            <p>
              <button type="button" className="button secondary" onClick={() => onForm(addVariant(form))}>
                {t('wizard.addVariant')}
              </button>
            </p>
          )}
          {ownIssues(error, 'abTest.variants').length > 0 && (
            <p className="field-error" role="alert">
              {ownIssues(error, 'abTest.variants').join('; ')}
            </p>
          )}
          <div className="grid">
            <TextField
              label={t('wizard.testShare')}
              type="number"
              inputMode="numeric"
              value={form.testShare}
              onValue={(testShare) => onForm({ ...form, testShare })}
              hint={t('wizard.testShareHint')}
              error={fieldError(error, 'abTest.testShare')}
            />
            <SelectField
              label={t('wizard.metric')}
              value={form.metric}
              onValue={(m) => isAbMetric(m) && onForm({ ...form, metric: m })}
              options={AB_METRICS.map((m) => ({ value: m, label: t(`wizard.metric.${m}`) }))}
              error={fieldError(error, 'abTest.metric')}
            />
          </div>
          <div className="grid">
            <TextField
              label={t('wizard.decideAfter')}
              type="number"
              inputMode="decimal"
              value={form.decideAfter}
              onValue={(decideAfter) => onForm({ ...form, decideAfter })}
              hint={t('wizard.decideHint')}
              error={fieldError(error, 'abTest.decideAfterMinutes')}
            />
            <SelectField
              label={t('wizard.decideUnit')}
              value={form.decideUnit}
              onValue={(u) => isDecideUnit(u) && onForm({ ...form, decideUnit: u })}
              options={Object.keys(DECIDE_UNITS)
                .filter(isDecideUnit)
                .map((u) => ({ value: u, label: t(`wizard.unit.${u}`) }))}
            />
          </div>
        </>
      )}
    </section>
  );
}
