import { mqlAlert } from './layout.ts';

export default mqlAlert('it', {
  subject: 'Nuovo lead qualificato dal marketing: {{ data.contact.name | default: data.contact.email }}',
  preheader: 'Punteggio {{ data.score }}. Contattalo ora che è attivo.',
  heading: 'Un lead è pronto per il team vendite',
  body: '{{ who }} è appena diventato un lead qualificato dal marketing (MQL) con un punteggio di {{ data.score }}.',
  breakdown: 'Da dove arriva il punteggio',
  points: 'punti',
  recent: 'Attività recente',
  button: 'Apri il contatto',
  tip: "I lead contattati entro un'ora convertono molto di più: questo è il momento giusto.",
});
