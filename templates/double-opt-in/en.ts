import { doubleOptIn } from './layout.ts';

export default doubleOptIn('en', {
  subject: 'Please confirm your subscription',
  preheader: "One click and you're in.",
  heading: 'Confirm your email address',
  body: 'Someone (hopefully you) asked to receive emails from {{ workspace.name }} at this address. To confirm, click the button below.',
  button: 'Yes, subscribe me',
  ignore:
    "Didn't ask for this? Just ignore this email: you won't be subscribed and you won't hear from us again.",
  fallback: "If the button doesn't work, copy this link into your browser:",
});
