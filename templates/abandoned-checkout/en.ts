import { abandonedCheckout } from './layout.ts';

export default abandonedCheckout('en', {
  subject: 'You left something in your cart',
  preheader: 'Your picks are still waiting for you. Finish your order in a click.',
  heading: 'Still thinking it over?',
  greeting: '{% if contact.firstName %}Hi {{ contact.firstName }},{% else %}Hi there,{% endif %}',
  body: "You left these in your cart. We've saved them for you, but we can't promise they'll stay in stock for long.",
  total: 'Total',
  button: 'Complete my order',
  help: 'Questions about sizing, delivery or returns? Just reply to this email and a real person will get back to you.',
});
