import { reviewRequest } from './layout.ts';

export default reviewRequest('es', {
  subject: '¿Qué te está pareciendo tu compra?',
  preheader: 'Solo te llevará un minuto y ayudará a otros clientes a decidirse.',
  heading: 'Cuéntanos qué te parece',
  greeting: '{% if contact.firstName %}Hola, {{ contact.firstName }}:{% else %}Hola:{% endif %}',
  body: 'Ya llevas un tiempo con tu pedido y nos encantaría saber qué tal te va.',
  why: 'Dejar tu opinión te llevará un minuto. Ayudarás a otros clientes a elegir bien y a nosotros, a mejorar.',
  button: 'Escribir mi opinión',
  thanks: '¡Muchas gracias!<br />El equipo de {{ workspace.name }}',
});
