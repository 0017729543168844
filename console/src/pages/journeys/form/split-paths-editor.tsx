/**
 * A random split's paths: each with its weight (and the share of contacts it takes, from all the
 * weights) and where it leads; paths added or removed within 2–4. The API's errors for
 * `steps[i].paths[n].weight` and `.next` appear next to those fields, those for the paths as a whole
 * (`steps[i].paths`) above them.
 */
import { ApiError } from '../../../api/errors.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { fieldError } from '../../../ui/error-message.tsx';
import { TextField } from '../../../ui/field.tsx';
import type { SplitPath, StepForm } from './journey-form-model.ts';
import { addPath, canAddPath, canRemovePath, removePath, splitShares } from './split-paths.ts';
import { TargetField } from './target-field.tsx';

/** Issues about exactly this path, not a field under it. */
const issuesAt = (error: unknown, path: string): string[] =>
  error instanceof ApiError ? error.issues.filter((i) => i.path === path).map((i) => i.message) : [];

export function SplitPathsEditor(props: {
  readonly value: readonly SplitPath[];
  readonly onValue: (value: readonly SplitPath[]) => void;
  readonly steps: readonly StepForm[];
  /** The split step's id: a path cannot lead back to it. */
  readonly self: string;
  /** The paths' place in the API's issues: `steps[2].paths`. */
  readonly path: string;
  readonly error: unknown;
}) {
  const { t, percent } = useI18n();
  const { value, onValue, path, error } = props;
  const shares = splitShares(value);
  const set = (i: number, changed: SplitPath) => onValue(value.map((p, n) => (n === i ? changed : p)));
  return (
    <fieldset>
      <legend>{t('journeyForm.splitPaths')}</legend>
      <p className="hint">{t('journeyForm.splitHint')}</p>
      {issuesAt(error, path).map((message) => (
        <p className="field-error" key={message}>
          {message}
        </p>
      ))}
      {value.map((p, i) => {
        const at = `${path}[${i}]`;
        const share = shares?.[i];
        return (
          <fieldset className="builder-row" key={p.key}>
            <legend>{t('journeyForm.splitPath', { n: i + 1 })}</legend>
            {issuesAt(error, at).map((message) => (
              <p className="field-error" key={message}>
                {message}
              </p>
            ))}
            <TextField
              label={t('journeyForm.splitWeight')}
              hint={
                share === undefined
                  ? t('journeyForm.splitWeightHint')
                  : t('journeyForm.splitShare', { share: percent(share) })
              }
              inputMode="numeric"
              size={4}
              value={p.weight}
              onValue={(weight) => set(i, { ...p, weight })}
              error={fieldError(error, `${at}.weight`)}
            />
            <TargetField
              label={t('journeyForm.then')}
              value={p.next}
              steps={props.steps}
              self={props.self}
              onValue={(next) => set(i, { ...p, next })}
              error={fieldError(error, `${at}.next`)}
            />
            {canRemovePath(value) && (
              <button type="button" className="button link" onClick={() => onValue(removePath(value, i))}>
                {t('journeyForm.removePath', { n: i + 1 })}
              </button>
            )}
          </fieldset>
        );
      })}
      {canAddPath(value) && (
        <button type="button" className="button secondary" onClick={() => onValue(addPath(value))}>
          {t('journeyForm.addPath')}
        </button>
      )}
    </fieldset>
  );
}
