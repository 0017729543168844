import { orderFollowUp } from './layout.ts';

export default orderFollowUp('es', {
  subject: '¿Qué tal con tu pedido?',
  preheader: 'Queremos asegurarnos de que ha llegado bien.',
  heading: 'Gracias de nuevo por tu pedido',
  greeting: '{% if contact.firstName %}Hola, {{ contact.firstName }}:{% else %}Hola:{% endif %}',
  body: 'Esperamos que tu pedido{% if data.orderId %} n.º {{ data.orderId }}{% endif %} haya llegado bien y que lo estés disfrutando.',
  help: 'Si algo no está del todo bien, responde a este correo y lo solucionamos. Los cambios y las devoluciones corren de nuestra cuenta.',
  button: 'Descubrir las novedades',
  signoff: 'Gracias por confiar en nosotros.<br />El equipo de {{ workspace.name }}',
});
