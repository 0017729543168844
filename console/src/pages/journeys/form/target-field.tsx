/** Where a step leads: the step below it in the list, the end of the run, or another step by id. */
import { useI18n } from '../../../i18n/i18n.tsx';
import { SelectField } from '../../../ui/field.tsx';
import { END_RUN, FOLLOWING, type StepForm } from './journey-form-model.ts';

export function TargetField(props: {
  readonly label: string;
  readonly value: string;
  readonly steps: readonly StepForm[];
  readonly self: string;
  readonly onValue: (value: string) => void;
  readonly error?: string | undefined;
}) {
  const { t } = useI18n();
  const ids = props.steps.map((s) => s.id).filter((id) => id !== props.self);
  const last = props.steps.at(-1)?.id === props.self;
  const known = [FOLLOWING, END_RUN, ...ids].includes(props.value);
  return (
    <SelectField
      label={props.label}
      value={props.value}
      onValue={props.onValue}
      error={props.error}
      options={[
        {
          value: FOLLOWING,
          label: last ? t('journeyForm.target.followingLast') : t('journeyForm.target.following'),
        },
        { value: END_RUN, label: t('journeyForm.target.end') },
        ...[...ids, ...(known ? [] : [props.value])].map((id) => ({
          value: id,
          label: t('journeyForm.target.step', { id }),
        })),
      ]}
    />
  );
}
