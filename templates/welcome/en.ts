import { welcome } from './layout.ts';

export default welcome('en', {
  subject: 'Welcome to {{ workspace.name }}',
  preheader: "We're glad you're here. Here's what to expect.",
  heading: 'Welcome aboard',
  greeting: '{% if contact.firstName %}Hi {{ contact.firstName }},{% else %}Hi there,{% endif %}',
  body: [
    "Thanks for signing up. From now on you'll be among the first to hear about new arrivals, subscriber-only offers and tips to get the most out of what you buy.",
    "We'll only write when we have something worth your time, and you can change what you receive whenever you like.",
  ],
  button: 'Visit the shop',
  signoff: 'See you soon,<br />The {{ workspace.name }} team',
});
