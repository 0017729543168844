import { welcome } from './layout.ts';

export default welcome('es', {
  subject: 'Te damos la bienvenida a {{ workspace.name }}',
  preheader: 'Nos alegra tenerte aquí. Esto es lo que te espera.',
  heading: '¡Qué bien que estés aquí!',
  greeting: '{% if contact.firstName %}Hola, {{ contact.firstName }}:{% else %}Hola:{% endif %}',
  body: [
    'Gracias por suscribirte. A partir de ahora serás de los primeros en enterarte de las novedades, de las ofertas exclusivas para suscriptores y de los trucos para sacar el máximo partido a tus compras.',
    'Solo te escribiremos cuando tengamos algo que merezca la pena, y puedes cambiar lo que recibes cuando quieras.',
  ],
  button: 'Ir a la tienda',
  signoff: '¡Hasta pronto!<br />El equipo de {{ workspace.name }}',
});
