import { doubleOptIn } from './layout.ts';

export default doubleOptIn('zh-Hant', {
  subject: '請確認您的訂閱',
  preheader: '只要點一下就完成了。',
  heading: '請確認您的電子郵件地址',
  body: '有人（希望是您本人）申請以這個地址接收 {{ workspace.name }} 的郵件。請點擊下方按鈕完成確認。',
  button: '是的，我要訂閱',
  ignore: '如果這不是您提出的申請，請直接忽略這封郵件：我們不會為您訂閱，也不會再寄信給您。',
  fallback: '如果按鈕無法使用，請將以下連結複製到瀏覽器中開啟：',
});
