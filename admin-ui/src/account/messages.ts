import { defineMessages } from '../i18n.ts';

/** Texts of one's own account: password, second factor, sessions. */
export const useAccountMessages = defineMessages({
  account: { 'zh-CN': '账号', en: 'Account' },
  changePassword: { 'zh-CN': '修改密码', en: 'Change password' },
  mustChange: { 'zh-CN': '请先修改密码', en: 'Change your password first' },
  mustChangeDetail: { 'zh-CN': '这是临时密码或已到期的密码，修改后才能继续使用。', en: 'The password is temporary or has expired; change it to carry on.' },
  current: { 'zh-CN': '当前密码', en: 'Current password' },
  next: { 'zh-CN': '新密码', en: 'New password' },
  again: { 'zh-CN': '再次输入新密码', en: 'New password again' },
  rules: { 'zh-CN': '至少 10 位，包含小写字母、大写字母、数字、符号中的至少三类，不含用户名，不用常见密码。', en: 'At least 10 characters, three of lower case, upper case, digits and symbols, not containing the username, not a common password.' },
  required: { 'zh-CN': '请填写{field}', en: 'Enter the {field}' },
  differ: { 'zh-CN': '两次输入不一致', en: 'The two entries differ' },
  changed: { 'zh-CN': '密码已修改，其他设备上的登录已退出', en: 'Password changed; your other sessions were signed out' },
  save: { 'zh-CN': '确认修改', en: 'Change' },
  cancel: { 'zh-CN': '取消', en: 'Cancel' },
  signOutEverywhere: { 'zh-CN': '退出所有设备', en: 'Sign out everywhere' },
  signedOutEverywhere: { 'zh-CN': '已退出 {n} 个会话', en: '{n} sessions signed out' },
  secondFactor: { 'zh-CN': '绑定动态口令', en: 'Set up the one-time code' },
  secondFactorDetail: {
    'zh-CN': '管理员和配置员须使用双因素认证。请在手机验证器（如国密或通用 TOTP 应用）中添加以下密钥，再输入其显示的 6 位动态口令。',
    en: 'Administrators and configurators sign in with two factors. Add this key to an authenticator app on your phone, then enter the 6-digit code it shows.',
  },
  secret: { 'zh-CN': '密钥', en: 'Key' },
  uri: { 'zh-CN': '验证器链接', en: 'Authenticator link' },
  start: { 'zh-CN': '生成密钥', en: 'Make a key' },
  code: { 'zh-CN': '动态口令', en: 'One-time code' },
  confirm: { 'zh-CN': '确认绑定', en: 'Confirm' },
  recoveryCodes: { 'zh-CN': '恢复码（只显示这一次，请妥善保存；手机丢失时每个恢复码可代替动态口令登录一次）', en: 'Recovery codes (shown this once: keep them safe; each signs you in once in place of a code if the phone is lost)' },
  carryOn: { 'zh-CN': '我已保存，继续', en: 'Saved, carry on' },
});
