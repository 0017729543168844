/**
 * The journey builder: name, trigger, entry rule, goal, quiet hours and the ordered list of steps
 * (each edited by its own form, moved up or down, removed; new ones added at the end). Controlled:
 * the page owns the state and saves it. The API's issues appear next to their fields; the rest above
 * the save button.
 */
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ErrorMessage, fieldError } from '../../../ui/error-message.tsx';
import { type Option, SelectField, TextField } from '../../../ui/field.tsx';
import { FiltersEditor } from './filters-editor.tsx';
import { ENTRY_MODES, type JourneyForm, STEP_TYPES, type StepType } from './journey-form-model.ts';
import { insertStep, moveStep, removeStep, replaceStep } from './journey-form-steps.ts';
import { StepEditor } from './step-editor.tsx';
import { TriggerEditor } from './trigger-editor.tsx';

export interface JourneyFormProps {
  readonly value: JourneyForm;
  readonly onChange: (value: JourneyForm) => void;
  readonly onSubmit: () => void;
  readonly submitLabel: string;
  readonly busy: boolean;
  readonly error: unknown;
  readonly templates: readonly Option[];
  readonly segments: readonly Option[];
  readonly endpoints: readonly Option[];
}

export function JourneyFormEditor(props: JourneyFormProps) {
  const { t } = useI18n();
  const { value: form, onChange, error } = props;
  const [kind, setKind] = useState<StepType>('email');
  const { entry, goal, quietHours } = form;
  const claimed = [
    'name',
    'description',
    'trigger',
    'entry',
    'goal',
    'quietHours',
    ...form.steps.map((_, i) => `steps[${i}]`),
  ];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit();
  };

  return (
    <form className="card journey-form" onSubmit={submit} aria-labelledby="journey-form-title">
      <h2 id="journey-form-title">{t('journeyForm.title')}</h2>
      <TextField
        label={t('journeyForm.name')}
        required
        value={form.name}
        onValue={(name) => onChange({ ...form, name })}
        error={fieldError(error, 'name')}
      />
      <TextField
        label={t('journeyForm.description')}
        hint={t('journeyForm.optional')}
        value={form.description}
        onValue={(description) => onChange({ ...form, description })}
        error={fieldError(error, 'description')}
      />
      <TriggerEditor
        value={form.trigger}
        onValue={(trigger) => onChange({ ...form, trigger })}
        segments={props.segments}
        error={error}
      />
      <fieldset>
        <legend>{t('journeyForm.entry')}</legend>
        <SelectField
          label={t('journeyForm.entryMode')}
          value={entry.mode}
          onValue={(mode) =>
            onChange({
              ...form,
              entry: { ...entry, mode: ENTRY_MODES.find((m) => m === mode) ?? entry.mode },
            })
          }
          error={fieldError(error, 'entry.mode')}
          options={ENTRY_MODES.map((m) => ({ value: m, label: t(`journeyForm.entry.${m}`) }))}
        />
        {entry.mode === 'oncePer' && (
          <TextField
            label={t('journeyForm.periodDays')}
            inputMode="numeric"
            value={entry.periodDays}
            onValue={(periodDays) => onChange({ ...form, entry: { ...entry, periodDays } })}
            error={fieldError(error, 'entry.periodDays')}
          />
        )}
      </fieldset>
      <fieldset>
        <legend>{t('journeyForm.goal')}</legend>
        <label className="inline-field">
          <input
            type="checkbox"
            checked={goal.enabled}
            onChange={(e) => onChange({ ...form, goal: { ...goal, enabled: e.target.checked } })}
          />
          {t('journeyForm.goalEnabled')}
        </label>
        {goal.enabled && (
          <>
            <TextField
              label={t('journeyForm.eventName')}
              hint={t('journeyForm.goalHint')}
              value={goal.event}
              onValue={(event) => onChange({ ...form, goal: { ...goal, event } })}
              error={fieldError(error, 'goal.event')}
            />
            <FiltersEditor
              legend={t('journeyForm.eventFilters')}
              value={goal.where}
              onValue={(where) => onChange({ ...form, goal: { ...goal, where } })}
              path="goal.where"
              error={error}
            />
            <fieldset className="builder-row">
              <legend>{t('journeyForm.key')}</legend>
              <TextField
                label={t('journeyForm.keyEvent')}
                value={goal.keyEvent}
                onValue={(keyEvent) => onChange({ ...form, goal: { ...goal, keyEvent } })}
                error={fieldError(error, 'goal.key.event')}
              />
              <TextField
                label={t('journeyForm.keyTrigger')}
                value={goal.keyTrigger}
                onValue={(keyTrigger) => onChange({ ...form, goal: { ...goal, keyTrigger } })}
                error={fieldError(error, 'goal.key.trigger')}
              />
              <p className="hint">{t('journeyForm.keyHint')}</p>
            </fieldset>
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('journeyForm.quietHours')}</legend>
        <label className="inline-field">
          <input
            type="checkbox"
            checked={quietHours.enabled}
            onChange={(e) => onChange({ ...form, quietHours: { ...quietHours, enabled: e.target.checked } })}
          />
          {t('journeyForm.quietHoursEnabled')}
        </label>
        {quietHours.enabled && (
          <div className="builder-row">
            <TextField
              type="time"
              label={t('journeyForm.quietFrom')}
              value={quietHours.from}
              onValue={(from) => onChange({ ...form, quietHours: { ...quietHours, from } })}
              error={fieldError(error, 'quietHours.from')}
            />
            <TextField
              type="time"
              label={t('journeyForm.quietTo')}
              value={quietHours.to}
              onValue={(to) => onChange({ ...form, quietHours: { ...quietHours, to } })}
              error={fieldError(error, 'quietHours.to')}
            />
          </div>
        )}
      </fieldset>

      <h3>{t('journey.diagram')}</h3>
      <ol className="diagram journey-form-steps">
        {form.steps.map((step, i) => (
          <li key={step.key}>
            <fieldset>
              <legend>
                {t('journeyForm.stepLegend', { n: i + 1, kind: t(`journey.step.${step.type}`) })}
              </legend>
              <StepEditor
                step={step}
                index={i}
                steps={form.steps}
                templates={props.templates}
                endpoints={props.endpoints}
                onChange={(next) => onChange(replaceStep(form, i, next))}
                error={error}
              />
              <div className="actions">
                <button
                  type="button"
                  className="button secondary"
                  disabled={i === 0}
                  onClick={() => onChange(moveStep(form, i, -1))}
                >
                  {t('journeyForm.moveUp', { id: step.id })}
                </button>
                <button
                  type="button"
                  className="button secondary"
                  disabled={i === form.steps.length - 1}
                  onClick={() => onChange(moveStep(form, i, 1))}
                >
                  {t('journeyForm.moveDown', { id: step.id })}
                </button>
                <button type="button" className="button link" onClick={() => onChange(removeStep(form, i))}>
                  {t('journeyForm.removeStep', { id: step.id })}
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="builder-row">
        <SelectField
          label={t('journeyForm.newStepKind')}
          value={kind}
          onValue={(k) => setKind(STEP_TYPES.find((s) => s === k) ?? kind)}
          options={STEP_TYPES.map((s) => ({ value: s, label: t(`journey.step.${s}`) }))}
        />
        <button
          type="button"
          className="button secondary"
          onClick={() => onChange(insertStep(form, form.steps.length, kind))}
        >
          {t('journeyForm.addStep')}
        </button>
      </div>
      <ErrorMessage error={error} fields={claimed} />
      <div className="actions">
        <button type="submit" className="button primary" disabled={props.busy}>
          {props.busy ? t('common.saving') : props.submitLabel}
        </button>
      </div>
    </form>
  );
}
