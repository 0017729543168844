import { orderFollowUp } from './layout.ts';

export default orderFollowUp('en', {
  subject: "How's everything with your order?",
  preheader: "We'd love to know it arrived safely.",
  heading: 'Thanks again for your order',
  greeting: '{% if contact.firstName %}Hi {{ contact.firstName }},{% else %}Hi there,{% endif %}',
  body: "We hope your order{% if data.orderId %} #{{ data.orderId }}{% endif %} arrived safely and that you're enjoying it.",
  help: "If anything isn't quite right, just reply to this email and we'll sort it out. Exchanges and returns are on us.",
  button: "See what's new",
  signoff: 'Thanks for shopping with us,<br />The {{ workspace.name }} team',
});
