/**
 * The visual condition builder: a group of rules ("all" or "any" of them), each rule a row of
 * labelled fields, nested groups for "(this or that) and ...". No JSON: rules the builder cannot
 * show (kept from a saved condition) are listed read-only and kept as they are.
 */
import { useId } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { SelectField, TextField } from '../ui/field.tsx';
import {
  ATTRIBUTE_OPS,
  addTo,
  CHANNELS,
  CONSENT_STATUSES,
  CONTACT_FIELDS,
  ENGAGEMENT_KINDS,
  type Group,
  LAST_ORDER_OPS,
  NUMERIC_OPS,
  newGroup,
  newRule,
  type Problem,
  RULE_KINDS,
  type Rule,
  removeItem,
  updateItem,
} from './builder-model.ts';

interface Props {
  readonly value: Group;
  readonly onChange: (value: Group) => void;
  readonly problems: readonly Problem[];
  readonly disabled?: boolean;
}

const pick = <T extends string>(list: readonly T[], value: string, fallback: T): T =>
  list.find((v) => v === value) ?? fallback;

/** The builder's props inside: the id of its list of contact fields (one per builder on a page). */
type Inner = Props & { readonly listId: string };

export function ConditionBuilder(props: Props) {
  // A page may hold several builders (a journey's branches): each its own datalist id.
  const listId = useId();
  return (
    <>
      <GroupEditor group={props.value} root={props.value} depth={0} {...props} listId={listId} />
      <datalist id={listId}>
        {CONTACT_FIELDS.map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
    </>
  );
}

function GroupEditor(props: Inner & { readonly group: Group; readonly root: Group; readonly depth: number }) {
  const { t } = useI18n();
  const { group, root, onChange } = props;
  const setMatch = (match: string) =>
    onChange(
      group.id === root.id
        ? { ...root, match: match === 'any' ? 'any' : 'all' }
        : updateItem(root, group.id, (g) =>
            g.kind === 'group' ? { ...g, match: match === 'any' ? 'any' : 'all' } : g,
          ),
    );
  return (
    <fieldset className="builder-group">
      <legend>{props.depth === 0 ? t('builder.conditions') : t('builder.subgroup')}</legend>
      <SelectField
        label={t('builder.match')}
        value={group.match}
        onValue={setMatch}
        disabled={props.disabled}
        options={[
          { value: 'all', label: t('builder.matchAll') },
          { value: 'any', label: t('builder.matchAny') },
        ]}
      />
      {group.items.length === 0 && <p className="muted">{t('builder.empty')}</p>}
      {group.items.map((item) =>
        item.kind === 'group' ? (
          <div key={item.id}>
            <GroupEditor {...props} group={item} depth={props.depth + 1} />
            <button
              type="button"
              className="button link"
              disabled={props.disabled}
              onClick={() => onChange(removeItem(root, item.id))}
            >
              {t('builder.removeGroup')}
            </button>
          </div>
        ) : (
          <RuleRow key={item.id} rule={item} {...props} />
        ),
      )}
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          disabled={props.disabled}
          onClick={() => onChange(addTo(root, group.id, newRule('attribute')))}
        >
          {t('builder.addRule')}
        </button>
        {props.depth < 2 && (
          <button
            type="button"
            className="button secondary"
            disabled={props.disabled}
            onClick={() => onChange(addTo(root, group.id, newGroup(group.match === 'all' ? 'any' : 'all')))}
          >
            {t('builder.addGroup')}
          </button>
        )}
      </div>
    </fieldset>
  );
}

function RuleRow(props: Inner & { readonly rule: Rule; readonly root: Group }) {
  const { t } = useI18n();
  const { rule, root, onChange, disabled } = props;
  const set = (next: Rule) => onChange(updateItem(root, rule.id, () => next));
  const problem = props.problems.find((p) => p.id === rule.id);
  const error = problem ? t(problem.message) : undefined;
  const ruleKinds = RULE_KINDS.map((k) => ({ value: k, label: t(`builder.kind.${k}`) }));
  const numericOps = NUMERIC_OPS.map((op) => ({ value: op, label: t(`builder.op.${op}`) }));
  const didOps = [
    { value: 'did', label: t('builder.op.did') },
    { value: 'didNot', label: t('builder.op.didNot') },
  ];

  const fields = (() => {
    switch (rule.kind) {
      case 'raw':
        return <code>{JSON.stringify(rule.condition)}</code>;
      case 'attribute': {
        const noValue = rule.op === 'exists' || rule.op === 'notExists';
        return (
          <>
            <TextField
              label={t('builder.field')}
              list={props.listId}
              value={rule.field}
              onValue={(field) => set({ ...rule, field })}
              disabled={disabled}
            />
            <SelectField
              label={t('builder.operator')}
              value={rule.op}
              onValue={(op) => set({ ...rule, op: pick(ATTRIBUTE_OPS, op, rule.op) })}
              options={ATTRIBUTE_OPS.map((op) => ({ value: op, label: t(`builder.op.${op}`) }))}
              disabled={disabled}
            />
            {!noValue && (
              <TextField
                label={
                  rule.op === 'withinLastDays' || rule.op === 'olderThanDays'
                    ? t('builder.days')
                    : t('builder.value')
                }
                value={rule.value}
                onValue={(value) => set({ ...rule, value })}
                error={error}
                disabled={disabled}
              />
            )}
          </>
        );
      }
      case 'tag':
        return (
          <>
            <SelectField
              label={t('builder.operator')}
              value={rule.op}
              onValue={(op) => set({ ...rule, op: op === 'hasNot' ? 'hasNot' : 'has' })}
              options={[
                { value: 'has', label: t('builder.op.has') },
                { value: 'hasNot', label: t('builder.op.hasNot') },
              ]}
              disabled={disabled}
            />
            <TextField
              label={t('builder.tag')}
              value={rule.value}
              onValue={(value) => set({ ...rule, value })}
              error={error}
              disabled={disabled}
            />
          </>
        );
      case 'consent':
        return (
          <>
            <SelectField
              label={t('builder.channel')}
              value={rule.channel}
              onValue={(c) => set({ ...rule, channel: pick(CHANNELS, c, rule.channel) })}
              options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
              disabled={disabled}
            />
            <SelectField
              label={t('builder.status')}
              value={rule.status}
              onValue={(s) => set({ ...rule, status: pick(CONSENT_STATUSES, s, rule.status) })}
              options={CONSENT_STATUSES.map((s) => ({ value: s, label: t(`builder.consent.${s}`) }))}
              disabled={disabled}
            />
          </>
        );
      case 'stage':
        return (
          <>
            <SelectField
              label={t('builder.operator')}
              value={rule.op}
              onValue={(op) => set({ ...rule, op: op === 'atLeast' ? 'atLeast' : 'equals' })}
              options={[
                { value: 'equals', label: t('builder.op.equals') },
                { value: 'atLeast', label: t('builder.op.atLeast') },
              ]}
              disabled={disabled}
            />
            <TextField
              label={t('builder.stage')}
              value={rule.value}
              onValue={(value) => set({ ...rule, value })}
              error={error}
              disabled={disabled}
            />
          </>
        );
      case 'score':
      case 'orderCount':
        return (
          <>
            <SelectField
              label={t('builder.operator')}
              value={rule.op}
              onValue={(op) => set({ ...rule, op: pick(NUMERIC_OPS, op, rule.op) })}
              options={numericOps}
              disabled={disabled}
            />
            <TextField
              label={t('builder.number')}
              inputMode="decimal"
              value={rule.value}
              onValue={(value) => set({ ...rule, value })}
              error={error}
              disabled={disabled}
            />
          </>
        );
      case 'lastOrder':
        return (
          <>
            <SelectField
              label={t('builder.operator')}
              value={rule.op}
              onValue={(op) => set({ ...rule, op: pick(LAST_ORDER_OPS, op, rule.op) })}
              options={LAST_ORDER_OPS.map((op) => ({ value: op, label: t(`builder.op.${op}`) }))}
              disabled={disabled}
            />
            <TextField
              label={t('builder.days')}
              inputMode="numeric"
              value={rule.days}
              onValue={(days) => set({ ...rule, days })}
              error={error}
              disabled={disabled}
            />
          </>
        );
      case 'event':
        return (
          <>
            <SelectField
              label={t('builder.operator')}
              value={rule.op}
              onValue={(op) => set({ ...rule, op: op === 'didNot' ? 'didNot' : 'did' })}
              options={didOps}
              disabled={disabled}
            />
            <TextField
              label={t('builder.eventName')}
              value={rule.name}
              onValue={(name) => set({ ...rule, name })}
              error={error}
              disabled={disabled}
            />
            <TextField
              label={t('builder.withinDays')}
              hint={t('builder.withinDaysHint')}
              inputMode="numeric"
              value={rule.withinLastDays}
              onValue={(withinLastDays) => set({ ...rule, withinLastDays })}
              disabled={disabled}
            />
          </>
        );
      case 'engagement':
        return (
          <>
            <SelectField
              label={t('builder.operator')}
              value={rule.op}
              onValue={(op) => set({ ...rule, op: op === 'didNot' ? 'didNot' : 'did' })}
              options={didOps}
              disabled={disabled}
            />
            <SelectField
              label={t('builder.engagement')}
              value={rule.engagement}
              onValue={(e) => set({ ...rule, engagement: pick(ENGAGEMENT_KINDS, e, rule.engagement) })}
              options={ENGAGEMENT_KINDS.map((e) => ({ value: e, label: t(`builder.engagement.${e}`) }))}
              disabled={disabled}
            />
            <TextField
              label={t('builder.withinDays')}
              hint={t('builder.withinDaysHint')}
              inputMode="numeric"
              value={rule.withinLastDays}
              onValue={(withinLastDays) => set({ ...rule, withinLastDays })}
              error={error}
              disabled={disabled}
            />
          </>
        );
    }
  })();

  return (
    <div className="builder-row">
      {rule.kind === 'raw' ? (
        <p className="muted">{t('builder.raw')}</p>
      ) : (
        <SelectField
          label={t('builder.ruleKind')}
          value={rule.kind}
          onValue={(kind) => set({ ...newRule(pick(RULE_KINDS, kind, 'attribute')), id: rule.id })}
          options={ruleKinds}
          disabled={disabled}
        />
      )}
      {fields}
      <button
        type="button"
        className="button link"
        disabled={disabled}
        onClick={() => onChange(removeItem(root, rule.id))}
      >
        {t('builder.remove')}
      </button>
    </div>
  );
}
