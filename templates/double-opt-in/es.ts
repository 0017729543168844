import { doubleOptIn } from './layout.ts';

export default doubleOptIn('es', {
  subject: 'Confirma tu suscripción',
  preheader: 'Un clic y listo.',
  heading: 'Confirma tu dirección de correo',
  body: 'Alguien (esperamos que tú) ha pedido recibir correos de {{ workspace.name }} en esta dirección. Para confirmarlo, haz clic en el botón.',
  button: 'Sí, quiero suscribirme',
  ignore: '¿No lo has pedido tú? Ignora este mensaje: no te suscribiremos y no volverás a saber de nosotros.',
  fallback: 'Si el botón no funciona, copia este enlace en tu navegador:',
});
