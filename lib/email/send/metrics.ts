/** The metrics the send path emits (EMF) that CDK alarms watch: one place for both sides. */
export const SENDING_HALTED_METRIC = {
  namespace: 'ecrm',
  name: 'EmailSendingHalted',
  service: 'email',
} as const;
