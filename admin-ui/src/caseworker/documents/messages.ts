import { defineMessages } from '../../i18n.ts';

/** The texts of a case's printed documents, zh-CN first. */
export const useDocumentMessages = defineMessages({
  documents: { 'zh-CN': '打印文书', en: 'Documents' },
  print: { 'zh-CN': '打印', en: 'Print' },
  printNow: { 'zh-CN': '打印此文书', en: 'Print this document' },
  close: { 'zh-CN': '关闭', en: 'Close' },
  none: { 'zh-CN': '该业务当前没有可出具的文书', en: 'The case has no document to print at this step' },
  issued: { 'zh-CN': '已出具', en: 'Printed before' },
  number: { 'zh-CN': '文书编号', en: 'Number' },
  issuedAt: { 'zh-CN': '出具时间', en: 'Printed at' },
  status: { 'zh-CN': '状态', en: 'Status' },
  valid: { 'zh-CN': '有效', en: 'Valid' },
  revoked: { 'zh-CN': '已作废', en: 'Revoked' },
  superseded: { 'zh-CN': '已被新版替代', en: 'Superseded' },
  revoke: { 'zh-CN': '作废', en: 'Revoke' },
  revokeReason: { 'zh-CN': '作废理由（公开核验页只显示“已作废”）', en: 'Reason for revoking (the public page shows only “revoked”)' },
  revokeReasonRequired: { 'zh-CN': '请填写作废理由', en: 'Enter the reason' },
  verify: { 'zh-CN': '核验', en: 'Verify' },
  qrLabel: { 'zh-CN': '扫码核验文书真伪', en: 'Scan to verify this document' },
  qrNote: { 'zh-CN': '扫描二维码或访问下方地址，核验本文书是否真实有效', en: 'Scan the code, or open the address below, to check that this document is genuine and current' },
  seal: { 'zh-CN': '（盖章）', en: '(Seal)' },
  printedOn: { 'zh-CN': '出具日期', en: 'Printed on' },
  history: { 'zh-CN': '办理经过', en: 'Steps taken' },
});
