import { mqlAlert } from './layout.ts';

export default mqlAlert('es', {
  subject: 'Nuevo lead cualificado por marketing: {{ data.contact.name | default: data.contact.email }}',
  preheader: 'Puntuación {{ data.score }}. Contacta ahora que está activo.',
  heading: 'Hay un lead listo para ventas',
  body: '{{ who }} acaba de convertirse en lead cualificado por marketing (MQL) con una puntuación de {{ data.score }}.',
  breakdown: 'De dónde sale la puntuación',
  points: 'pts',
  recent: 'Actividad reciente',
  button: 'Abrir el contacto',
  tip: 'Los leads a los que se contacta en la primera hora convierten mucho más: ahora es buen momento.',
});
