import { orderFollowUp } from './layout.ts';

export default orderFollowUp('zh-Hant', {
  subject: '您的訂單一切都還順利嗎？',
  preheader: '想確認您的商品已經平安送達。',
  heading: '再次感謝您的訂購',
  greeting: '{% if contact.firstName %}{{ contact.firstName }}，您好：{% else %}您好：{% endif %}',
  body: '希望您的訂單{% if data.orderId %}（編號 {{ data.orderId }}）{% endif %}已經平安送達，也希望您會喜歡。',
  help: '如果有任何不滿意的地方，直接回覆這封郵件，我們會盡快為您處理。換貨與退貨的運費都由我們負擔。',
  button: '看看新品',
  signoff: '感謝您的支持！<br />{{ workspace.name }} 團隊敬上',
});
