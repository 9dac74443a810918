import { defineMessages } from '../../i18n.ts';

/** The words of claiming, handing over and reassigning tasks. */
export const useTaskMessages = defineMessages({
  claim: { 'zh-CN': '认领', en: 'Claim' },
  claimCase: { 'zh-CN': '认领 {caseNo}', en: 'Claim {caseNo}' },
  release: { 'zh-CN': '退回', en: 'Release' },
  releaseCase: { 'zh-CN': '退回 {caseNo}', en: 'Release {caseNo}' },
  handOver: { 'zh-CN': '转交', en: 'Hand over' },
  handOverCase: { 'zh-CN': '转交 {caseNo}', en: 'Hand over {caseNo}' },
  reassign: { 'zh-CN': '改派', en: 'Reassign' },
  reassignCase: { 'zh-CN': '改派 {caseNo}', en: 'Reassign {caseNo}' },
  reassignAll: { 'zh-CN': '批量改派', en: 'Reassign all' },
  claimedByMe: { 'zh-CN': '我已认领', en: 'Claimed by me' },
  claimedBy: { 'zh-CN': '{name} 已认领', en: 'Claimed by {name}' },
  unclaimed: { 'zh-CN': '未认领', en: 'Unclaimed' },
  to: { 'zh-CN': '接收人', en: 'To' },
  from: { 'zh-CN': '原认领人', en: 'From' },
  post: { 'zh-CN': '只改派该岗位的待办', en: 'Only the tasks of this post' },
  anyPost: { 'zh-CN': '全部岗位', en: 'Every post' },
  reason: { 'zh-CN': '事由', en: 'Reason' },
  confirm: { 'zh-CN': '确定', en: 'Confirm' },
  cancel: { 'zh-CN': '取消', en: 'Cancel' },
  refused: { 'zh-CN': '未能办理：{reason}', en: 'Refused: {reason}' },
  moved: { 'zh-CN': '已改派 {n} 件待办', en: '{n} tasks reassigned' },
});
