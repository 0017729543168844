/**
 * One step of the journey as a form suited to its kind: the template of an email, the length of a
 * wait, the time of day and weekdays of a "wait until", the event (with its filters, key and
 * timeout) of a "wait for an event", the condition of a branch (the segment condition builder), a
 * random split's weighted paths, what an update changes, a signal's name, a webhook call's endpoint.
 * Each field shows the API's error for `steps[i].<field>`.
 */
import { ApiError } from '../../../api/errors.ts';
import { toCondition } from '../../../conditions/builder-model.ts';
import { ConditionBuilder } from '../../../conditions/condition-builder.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { fieldError } from '../../../ui/error-message.tsx';
import { type Option, SelectField, TextField } from '../../../ui/field.tsx';
import { DurationField } from './duration-field.tsx';
import { FiltersEditor } from './filters-editor.tsx';
import { type StepForm, WEEKDAYS } from './journey-form-model.ts';
import { PairsEditor } from './pairs-editor.tsx';
import { SplitPathsEditor } from './split-paths-editor.tsx';
import { TargetField } from './target-field.tsx';

export interface StepEditorProps {
  readonly step: StepForm;
  readonly index: number;
  readonly steps: readonly StepForm[];
  readonly templates: readonly Option[];
  /** The workspace's outgoing webhook endpoints. */
  readonly endpoints: readonly Option[];
  readonly onChange: (step: StepForm) => void;
  readonly error: unknown;
}

export function StepEditor(props: StepEditorProps) {
  const { t } = useI18n();
  const { step, index, steps, error, onChange } = props;
  const at = `steps[${index}]`;
  const err = (field: string) => fieldError(error, `${at}.${field}`);
  const target = (label: string, field: string, value: string, set: (v: string) => void) => (
    <TargetField label={label} value={value} steps={steps} self={step.id} onValue={set} error={err(field)} />
  );

  const fields = (() => {
    switch (step.type) {
      case 'email': {
        const known = props.templates.some((o) => o.value === step.templateId);
        return (
          <>
            <SelectField
              label={t('journeyForm.template')}
              value={step.templateId}
              onValue={(templateId) => onChange({ ...step, templateId })}
              error={err('template')}
              options={[
                { value: '', label: t('wizard.chooseTemplate') },
                ...props.templates,
                ...(known || !step.templateId ? [] : [{ value: step.templateId, label: step.templateId }]),
              ]}
            />
            <TextField
              label={t('journeyForm.templateVersion')}
              hint={t('journeyForm.templateVersionHint')}
              inputMode="numeric"
              size={6}
              value={step.version}
              onValue={(version) => onChange({ ...step, version })}
            />
            {target(t('journeyForm.then'), 'next', step.next, (next) => onChange({ ...step, next }))}
          </>
        );
      }
      case 'wait':
        return (
          <>
            <DurationField
              legend={t('journeyForm.waitFor')}
              value={step.duration}
              onValue={(duration) => onChange({ ...step, duration })}
              error={err('duration')}
            />
            {target(t('journeyForm.then'), 'next', step.next, (next) => onChange({ ...step, next }))}
          </>
        );
      case 'waitUntil':
        return (
          <>
            <TextField
              type="time"
              label={t('journeyForm.timeOfDay')}
              hint={t('journeyForm.timeOfDayHint')}
              value={step.time}
              onValue={(time) => onChange({ ...step, time })}
              error={err('time')}
            />
            <fieldset className="builder-row">
              <legend>{t('journeyForm.weekdays')}</legend>
              {WEEKDAYS.map((day) => (
                <label className="inline-field" key={day}>
                  <input
                    type="checkbox"
                    checked={step.days.includes(day)}
                    onChange={(e) =>
                      onChange({
                        ...step,
                        days: WEEKDAYS.filter((d) => (d === day ? e.target.checked : step.days.includes(d))),
                      })
                    }
                  />
                  {t(`journeyForm.day.${day}`)}
                </label>
              ))}
              <p className="hint">{t('journeyForm.weekdaysHint')}</p>
            </fieldset>
            {target(t('journeyForm.then'), 'next', step.next, (next) => onChange({ ...step, next }))}
          </>
        );
      case 'waitForEvent':
        return (
          <>
            <TextField
              label={t('journeyForm.eventName')}
              hint={t('journeyForm.eventNameHint')}
              value={step.event}
              onValue={(event) => onChange({ ...step, event })}
              error={err('event')}
            />
            <FiltersEditor
              legend={t('journeyForm.eventFilters')}
              value={step.where}
              onValue={(where) => onChange({ ...step, where })}
              path={`${at}.where`}
              error={error}
            />
            <fieldset className="builder-row">
              <legend>{t('journeyForm.key')}</legend>
              <TextField
                label={t('journeyForm.keyEvent')}
                value={step.keyEvent}
                onValue={(keyEvent) => onChange({ ...step, keyEvent })}
                error={err('key.event')}
              />
              <TextField
                label={t('journeyForm.keyTrigger')}
                value={step.keyTrigger}
                onValue={(keyTrigger) => onChange({ ...step, keyTrigger })}
                error={err('key.trigger')}
              />
              <p className="hint">{t('journeyForm.keyHint')}</p>
            </fieldset>
            <DurationField
              legend={t('journeyForm.timeout')}
              value={step.timeout}
              onValue={(timeout) => onChange({ ...step, timeout })}
              error={err('timeout')}
            />
            {target(t('journey.edge.onEvent'), 'onEvent', step.onEvent, (onEvent) =>
              onChange({ ...step, onEvent }),
            )}
            {target(t('journey.edge.onTimeout'), 'onTimeout', step.onTimeout, (onTimeout) =>
              onChange({ ...step, onTimeout }),
            )}
          </>
        );
      case 'branch':
        return (
          <>
            <ConditionBuilder
              value={step.condition}
              onChange={(condition) => onChange({ ...step, condition })}
              problems={toCondition(step.condition).problems}
            />
            {err('condition') && <p className="field-error">{err('condition')}</p>}
            {target(t('journey.edge.ifTrue'), 'ifTrue', step.ifTrue, (ifTrue) =>
              onChange({ ...step, ifTrue }),
            )}
            {target(t('journey.edge.ifFalse'), 'ifFalse', step.ifFalse, (ifFalse) =>
              onChange({ ...step, ifFalse }),
            )}
          </>
        );
      case 'split':
        return (
          <SplitPathsEditor
            value={step.paths}
            onValue={(paths) => onChange({ ...step, paths })}
            steps={steps}
            self={step.id}
            path={`${at}.paths`}
            error={error}
          />
        );
      case 'update':
        return (
          <>
            <TextField
              label={t('journeyForm.addTags')}
              hint={t('journeyForm.listHint')}
              value={step.addTags}
              onValue={(addTags) => onChange({ ...step, addTags })}
              error={err('addTags')}
            />
            <TextField
              label={t('journeyForm.removeTags')}
              hint={t('journeyForm.listHint')}
              value={step.removeTags}
              onValue={(removeTags) => onChange({ ...step, removeTags })}
              error={err('removeTags')}
            />
            <PairsEditor
              legend={t('journeyForm.attributes')}
              value={step.attributes}
              onValue={(attributes) => onChange({ ...step, attributes })}
              error={err('attributes')}
            />
            <TextField
              label={t('journeyForm.setStage')}
              value={step.stage}
              onValue={(stage) => onChange({ ...step, stage })}
              error={err('stage')}
            />
            {target(t('journeyForm.then'), 'next', step.next, (next) => onChange({ ...step, next }))}
          </>
        );
      case 'emit':
        return (
          <>
            <TextField
              label={t('journeyForm.signalName')}
              value={step.name}
              onValue={(name) => onChange({ ...step, name })}
              error={err('name')}
            />
            <PairsEditor
              legend={t('journeyForm.signalProperties')}
              value={step.properties}
              onValue={(properties) => onChange({ ...step, properties })}
              error={err('properties')}
            />
            {target(t('journeyForm.then'), 'next', step.next, (next) => onChange({ ...step, next }))}
          </>
        );
      case 'webhook': {
        const known = props.endpoints.some((o) => o.value === step.endpointId);
        return (
          <>
            <SelectField
              label={t('journeyForm.endpoint')}
              hint={t('journeyForm.endpointHint')}
              value={step.endpointId}
              onValue={(endpointId) => onChange({ ...step, endpointId })}
              error={err('endpointId')}
              options={[
                { value: '', label: t('journeyForm.chooseEndpoint') },
                ...props.endpoints,
                ...(known || !step.endpointId ? [] : [{ value: step.endpointId, label: step.endpointId }]),
              ]}
            />
            {target(t('journeyForm.then'), 'next', step.next, (next) => onChange({ ...step, next }))}
          </>
        );
      }
      case 'exit':
        return <p className="muted">{t('journeyForm.exitHint')}</p>;
    }
  })();

  // Issues about the step as a whole (an update that changes nothing), not one of its fields.
  const own = error instanceof ApiError ? error.issues.filter((i) => i.path === at) : [];

  return (
    <>
      {own.map((i) => (
        <p className="field-error" key={i.message}>
          {i.message}
        </p>
      ))}
      <TextField
        label={t('journeyForm.stepId')}
        hint={t('journeyForm.stepIdHint')}
        value={step.id}
        onValue={(id) => onChange({ ...step, id })}
        error={err('id')}
      />
      {fields}
    </>
  );
}
