import { abandonedCheckout } from './layout.ts';

export default abandonedCheckout('zh-Hant', {
  subject: '您的購物車裡還有商品喔',
  preheader: '您挑選的商品還在等您，點一下就能完成訂單。',
  heading: '還在考慮嗎？',
  greeting: '{% if contact.firstName %}{{ contact.firstName }}，您好：{% else %}您好：{% endif %}',
  body: '您的購物車裡還留著這些商品。我們已經先幫您保留，但無法保證庫存能維持多久。',
  total: '總計',
  button: '完成訂購',
  help: '對尺寸、配送或退換貨有任何疑問嗎？直接回覆這封郵件，就會有專人為您解答。',
});
