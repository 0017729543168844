import { abandonedCheckout } from './layout.ts';

export default abandonedCheckout('it', {
  subject: 'Hai dimenticato qualcosa nel carrello',
  preheader: "I tuoi articoli ti aspettano. Completa l'ordine con un clic.",
  heading: 'Ci stai ancora pensando?',
  greeting: '{% if contact.firstName %}Ciao {{ contact.firstName }},{% else %}Ciao,{% endif %}',
  body: 'Hai lasciato questi articoli nel carrello. Li abbiamo messi da parte per te, ma non possiamo garantirti che restino disponibili a lungo.',
  total: 'Totale',
  button: "Completa l'ordine",
  help: 'Dubbi su taglie, spedizioni o resi? Rispondi a questa email: ti risponderà una persona del nostro team.',
});
