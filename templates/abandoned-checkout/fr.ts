import { abandonedCheckout } from './layout.ts';

export default abandonedCheckout('fr', {
  subject: 'Vous avez oublié quelque chose dans votre panier',
  preheader: 'Vos articles vous attendent. Finalisez votre commande en un clic.',
  heading: 'Vous hésitez encore\u00a0?',
  greeting: '{% if contact.firstName %}Bonjour {{ contact.firstName }},{% else %}Bonjour,{% endif %}',
  body: "Vous avez laissé ces articles dans votre panier. Nous les avons mis de côté, mais nous ne pouvons pas garantir qu'ils resteront longtemps en stock.",
  total: 'Total',
  button: 'Finaliser ma commande',
  help: "Une question sur les tailles, la livraison ou les retours\u00a0? Répondez simplement à cet e-mail\u00a0: quelqu'un de notre équipe vous répondra.",
});
