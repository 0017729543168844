import { orderFollowUp } from './layout.ts';

export default orderFollowUp('fr', {
  subject: 'Tout se passe bien avec votre commande\u00a0?',
  preheader: 'Nous voulions nous assurer qu’elle est bien arrivée.',
  heading: 'Merci encore pour votre commande',
  greeting: '{% if contact.firstName %}Bonjour {{ contact.firstName }},{% else %}Bonjour,{% endif %}',
  body: "Nous espérons que votre commande{% if data.orderId %} n°\u00a0{{ data.orderId }}{% endif %} est bien arrivée et qu'elle vous plaît.",
  help: 'Si quelque chose ne va pas, répondez simplement à cet e-mail et nous trouverons une solution. Les échanges et les retours sont à nos frais.',
  button: 'Découvrir les nouveautés',
  signoff: 'Merci de votre confiance,<br />L’équipe {{ workspace.name }}',
});
