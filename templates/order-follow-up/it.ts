import { orderFollowUp } from './layout.ts';

export default orderFollowUp('it', {
  subject: "Com'è andata con il tuo ordine?",
  preheader: 'Volevamo essere sicuri che fosse arrivato senza problemi.',
  heading: 'Grazie ancora per il tuo ordine',
  greeting: '{% if contact.firstName %}Ciao {{ contact.firstName }},{% else %}Ciao,{% endif %}',
  body: 'Speriamo che il tuo ordine{% if data.orderId %} n. {{ data.orderId }}{% endif %} sia arrivato senza problemi e che ti stia piacendo.',
  help: 'Se qualcosa non va, rispondi a questa email e lo sistemiamo. Cambi e resi sono a carico nostro.',
  button: 'Scopri le novità',
  signoff: 'Grazie per aver scelto {{ workspace.name }},<br />Il nostro team',
});
