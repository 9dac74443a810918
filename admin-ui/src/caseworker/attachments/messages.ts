import { defineMessages } from '../../i18n.ts';

/** The texts of case attachments, zh-CN first. */
export const useAttachmentMessages = defineMessages({
  materials: { 'zh-CN': '材料', en: 'Materials' },
  required: { 'zh-CN': '必需', en: 'Required' },
  optional: { 'zh-CN': '可选', en: 'Optional' },
  choose: { 'zh-CN': '上传 {material}', en: 'Upload {material}' },
  hint: { 'zh-CN': 'PDF、JPG 或 PNG，不超过 {size}', en: 'PDF, JPG or PNG, at most {size}' },
  wrongType: { 'zh-CN': '{name}：只能上传 PDF、JPG 或 PNG 文件', en: '{name}: only PDF, JPG or PNG files' },
  tooLarge: { 'zh-CN': '{name}：文件超过 {size}', en: '{name}: the file is larger than {size}' },
  uploaded: { 'zh-CN': '已上传 {name}', en: '{name} uploaded' },
  attachments: { 'zh-CN': '附件', en: 'Attachments' },
  caseAttachments: { 'zh-CN': '业务附件', en: 'Case attachments' },
  download: { 'zh-CN': '下载', en: 'Download' },
  withdraw: { 'zh-CN': '撤回', en: 'Withdraw' },
  withdrawTitle: { 'zh-CN': '撤回附件 {name}', en: 'Withdraw {name}' },
  withdrawReason: { 'zh-CN': '撤回原因', en: 'Reason' },
  withdrawOk: { 'zh-CN': '撤回', en: 'Withdraw' },
  cancel: { 'zh-CN': '取消', en: 'Cancel' },
  reasonRequired: { 'zh-CN': '请填写撤回原因', en: 'Give the reason' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
  withdrawnBy: { 'zh-CN': '{name} 于 {at} 撤回：{reason}', en: 'Withdrawn by {name} at {at}: {reason}' },
  uploadedBy: { 'zh-CN': '{name} · {at}', en: '{name} · {at}' },
});
