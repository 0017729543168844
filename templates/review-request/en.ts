import { reviewRequest } from './layout.ts';

export default reviewRequest('en', {
  subject: 'How are you finding your purchase?',
  preheader: 'It takes a minute and helps other shoppers choose.',
  heading: 'Tell us what you think',
  greeting: '{% if contact.firstName %}Hi {{ contact.firstName }},{% else %}Hi there,{% endif %}',
  body: "You've had your order for a little while now, and we'd love to hear how it's going.",
  why: 'A review takes about a minute. It helps other customers choose well, and it helps us get better.',
  button: 'Write a review',
  thanks: 'Thank you!<br />The {{ workspace.name }} team',
});
