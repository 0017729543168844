import { reviewRequest } from './layout.ts';

export default reviewRequest('zh-Hant', {
  subject: '您對這次購買的商品還滿意嗎？',
  preheader: '只要一分鐘，就能幫助其他顧客做出選擇。',
  heading: '告訴我們您的想法',
  greeting: '{% if contact.firstName %}{{ contact.firstName }}，您好：{% else %}您好：{% endif %}',
  body: '您收到商品已經有一段時間了，很想知道您使用起來感覺如何。',
  why: '撰寫評價大約只需要一分鐘，不但能幫助其他顧客做出更好的選擇，也能讓我們持續進步。',
  button: '撰寫評價',
  thanks: '非常感謝您！<br />{{ workspace.name }} 團隊敬上',
});
