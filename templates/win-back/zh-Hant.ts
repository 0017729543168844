import { winBack } from './layout.ts';

export default winBack('zh-Hant', {
  subject: '好久不見！來看看我們的新品',
  preheader: '新品上市，還有一份歡迎您回來的小禮物。',
  heading: '好久不見',
  greeting: '{% if contact.firstName %}{{ contact.firstName }}，您好：{% else %}您好：{% endif %}',
  body: '您已經有一陣子沒來逛逛了，跟您分享最近的新鮮事：新品陸續上架、熱銷商品重新到貨，還有幾樣我們覺得您會喜歡的好物。',
  offer: '為了歡迎您回來，結帳時輸入優惠碼 <strong>{{ data.offerCode }}</strong> 即可使用。',
  button: '看看新品',
  leave: '不想再收到這類郵件了嗎？沒關係，點擊下方連結即可一鍵取消訂閱。',
});
