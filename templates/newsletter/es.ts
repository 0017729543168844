import { newsletter } from './layout.ts';

export default newsletter('es', {
  title: 'Este mes en {{ workspace.name }}',
  preheader: 'Lo más destacado del mes, en dos minutos de lectura.',
  greeting: '{% if contact.firstName %}Hola, {{ contact.firstName }}:{% else %}Hola:{% endif %}',
  intro: 'Te contamos lo que ha pasado últimamente y lo que está por llegar.',
  readMore: 'Seguir leyendo',
  signoff: '¡Hasta la próxima!<br />El equipo de {{ workspace.name }}',
});
