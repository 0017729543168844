import { winBack } from './layout.ts';

export default winBack('it', {
  subject: "È passato un po' di tempo: ecco le novità",
  preheader: 'Nuovi arrivi e un piccolo pensiero per il tuo ritorno.',
  heading: 'Quanto tempo!',
  greeting: '{% if contact.firstName %}Ciao {{ contact.firstName }},{% else %}Ciao,{% endif %}',
  body: "È da un po' che non passi a trovarci, quindi ecco cosa è cambiato nel frattempo: nuovi arrivi, i grandi classici di nuovo disponibili e qualche idea che pensiamo ti piacerà.",
  offer:
    'Per festeggiare il tuo ritorno, usa il codice <strong>{{ data.offerCode }}</strong> al momento del pagamento.',
  button: 'Scopri le novità',
  leave: "Non ti interessa più? Nessun problema: puoi annullare l'iscrizione qui sotto con un clic.",
});
