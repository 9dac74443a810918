/** Bilingual text: zh-CN first, English available. */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

/**
 * What an error means for whoever meets it, so that callers decide by the kind, not by lists of codes:
 * - `refusal`: the request, or a rule, says no; sending it again as it is changes nothing (4xx);
 * - `conflict`: someone else acted first or at the same moment; the same request may succeed on
 *   what is now committed (409);
 * - `fault`: the platform failed, or a definition proved invalid at run time (5xx).
 */
export type ErrorKind = 'refusal' | 'conflict' | 'fault';

/** One code's entry in the catalogue: its kind and its default message. */
export interface ErrorEntry extends LocalizedText {
  kind: ErrorKind;
}

/**
 * Every error the platform reports, with its kind and its default bilingual message. The HTTP
 * status of each code follows from its kind, made more precise in the runtime's error handler.
 */
export const errorCatalogue = {
  BAD_REQUEST: { kind: 'refusal', 'zh-CN': '请求格式错误', en: 'The request is malformed' },
  PAYLOAD_TOO_LARGE: { kind: 'refusal', 'zh-CN': '请求内容过大', en: 'The request body is too large' },
  AUTH_REQUIRED: { kind: 'refusal', 'zh-CN': '请先登录', en: 'Authentication is required' },
  AUTH_INVALID_CREDENTIALS: { kind: 'refusal', 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  AUTH_OTP_REQUIRED: { kind: 'refusal', 'zh-CN': '请输入动态口令或恢复码', en: 'Enter the one-time code or a recovery code' },
  AUTH_LOCKED: { kind: 'refusal', 'zh-CN': '登录失败次数过多，账号已暂时锁定，请稍后再试', en: 'Too many failed sign-ins: the account is locked for a while' },
  AUTH_THROTTLED: { kind: 'refusal', 'zh-CN': '该地址登录失败次数过多，请稍后再试', en: 'Too many failed sign-ins from this address: try again later' },
  PASSWORD_CHANGE_REQUIRED: { kind: 'refusal', 'zh-CN': '请先修改密码', en: 'Change your password first' },
  SECOND_FACTOR_REQUIRED: { kind: 'refusal', 'zh-CN': '请先绑定动态口令（双因素认证）', en: 'Set up the one-time code (second factor) first' },
  PASSWORD_POLICY: { kind: 'refusal', 'zh-CN': '密码不符合安全要求', en: 'The password does not meet the policy' },
  ROLE_NOT_PERMITTED: { kind: 'refusal', 'zh-CN': '当前岗位角色无权执行此操作', en: 'Your role may not perform this action' },
  MAKER_CHECKER_VIOLATION: {
    kind: 'refusal',
    'zh-CN': '审核人不能与经办人为同一人',
    en: 'The checker must be a different person from the maker',
  },
  NOT_FOUND: { kind: 'refusal', 'zh-CN': '记录不存在或不在您的管辖范围内', en: 'The record does not exist or is outside your jurisdiction' },
  PROCESS_NOT_FOUND: { kind: 'refusal', 'zh-CN': '业务流程不存在', en: 'The business process does not exist' },
  // Answered with 404 like a missing record, but named apart: the person exists, and a screen shows it as a plain empty state.
  NO_JOB_SEEKING_REGISTRATION: { kind: 'refusal', 'zh-CN': '该人员没有有效的求职登记', en: 'The person has no active job-seeking registration' },
  CASE_VERSION_CONFLICT: {
    kind: 'conflict',
    'zh-CN': '该业务已被他人处理，请刷新后重试',
    en: 'Someone else has acted on this case; reload and try again',
  },
  // Refusals though answered with 409: the record exists, the case is in another state; trying again meets the same.
  DUPLICATE_RECORD: { kind: 'refusal', 'zh-CN': '记录已存在', en: 'The record already exists' },
  DOCUMENT_NOT_ISSUABLE: { kind: 'refusal', 'zh-CN': '该业务尚不能出具此文书', en: 'This document cannot be issued for the case (yet)' },
  DOCUMENT_REVOKED: { kind: 'refusal', 'zh-CN': '该文书已作废', en: 'The document has already been revoked' },
  ATTACHMENT_TYPE_REFUSED: { kind: 'refusal', 'zh-CN': '附件须为 PDF、JPEG 或 PNG 文件（按文件内容判断，与文件名无关）', en: 'An attachment must be a PDF, JPEG or PNG file (judged by its content, not its name)' },
  ATTACHMENT_TOO_LARGE: { kind: 'refusal', 'zh-CN': '附件超过大小上限', en: 'The attachment is larger than the limit' },
  ATTACHMENT_WITHDRAWN: { kind: 'refusal', 'zh-CN': '该附件已撤回', en: 'The attachment has already been withdrawn' },
  MATERIAL_NOT_DECLARED: { kind: 'refusal', 'zh-CN': '该环节未要求此项材料', en: 'The step does not ask for this material' },
  MATERIALS_MISSING: { kind: 'refusal', 'zh-CN': '缺少必需的材料，请先上传', en: 'Required materials are missing: attach them first' },
  // A refusal answered with 409: the case has ended; it takes no new files.
  CASE_CLOSED: { kind: 'refusal', 'zh-CN': '该业务已办结，不能再上传附件', en: 'The case is closed: it takes no new attachments' },
  CONCURRENT_UPDATE: { kind: 'conflict', 'zh-CN': '同时有其他操作，请稍后重试', en: 'Something else happened at the same time: try again' },
  TASK_POST_REQUIRED: { kind: 'refusal', 'zh-CN': '该待办属于您未担任的岗位', en: 'The task belongs to a post you do not hold' },
  TASK_CLAIMED: { kind: 'refusal', 'zh-CN': '该待办已由他人认领', en: 'Someone else has claimed the task' },
  // The public site's applications: one per person and posting (the database's key), only to a live posting, decided once.
  APPLICATION_EXISTS: { kind: 'refusal', 'zh-CN': '您已应聘过该岗位，无需重复应聘', en: 'You have already applied to this posting' },
  POSTING_NOT_OPEN: { kind: 'refusal', 'zh-CN': '该岗位已撤回、招满或过期，不再接受应聘', en: 'The posting has been withdrawn, filled or has expired: it takes no applications' },
  APPLICATION_OTHER_CITY: {
    kind: 'refusal',
    'zh-CN': '该岗位由其他城市发布，请向该市公共就业服务机构应聘',
    en: 'The posting is of another city: apply through that city\'s public employment service',
  },
  APPLICATION_DECIDED: { kind: 'refusal', 'zh-CN': '该应聘已有结果，不能再次处理', en: 'The application has been decided already' },
  TASK_NOT_CLAIMED: { kind: 'refusal', 'zh-CN': '您未认领该待办', en: 'You have not claimed the task' },
  TASK_NOT_OPEN: { kind: 'refusal', 'zh-CN': '该待办已办结', en: 'The task is closed' },
  TASK_SUPERVISOR_REQUIRED: { kind: 'refusal', 'zh-CN': '只有业务科长或升级岗位可以改派待办', en: 'Only the office supervisor or the escalation post may reassign a task' },
  TASK_ASSIGNEE_INVALID: { kind: 'refusal', 'zh-CN': '接收人未在该待办的管辖范围内担任其岗位和角色', en: "The assignee does not hold the task's post and role in its jurisdiction" },
  TRANSITION_NOT_AVAILABLE: {
    kind: 'refusal',
    'zh-CN': '当前环节不能执行此操作',
    en: 'This action is not available in the current state',
  },
  FORM_INVALID: { kind: 'refusal', 'zh-CN': '表单填写有误', en: 'The form has errors' },
  MIGRATION_STATE_MISSING: { kind: 'refusal', 'zh-CN': '业务所处环节在新版本中不存在，不能迁移', en: "The case's current state is not in the new version: it cannot be migrated" },
  RULE_VIOLATION: { kind: 'refusal', 'zh-CN': '不符合业务规则', en: 'A business rule is not met' },
  NOTHING_TO_PAY: { kind: 'refusal', 'zh-CN': '没有待发放的款项', en: 'There is nothing to pay' },
  ID_NUMBER_INVALID: { kind: 'refusal', 'zh-CN': '公民身份号码无效', en: 'The citizen ID number is invalid' },
  CREDIT_CODE_INVALID: { kind: 'refusal', 'zh-CN': '统一社会信用代码无效', en: 'The unified social credit code is invalid' },
  ID_NAME_MISMATCH: { kind: 'refusal', 'zh-CN': '姓名与公民身份号码登记的不一致', en: 'The name does not match the one registered for the ID number' },
  VERIFICATION_CODE_INVALID: { kind: 'refusal', 'zh-CN': '短信验证码不正确或已过期，请重新获取', en: 'The text message code is wrong or has expired: ask for a new one' },
  SMS_UNAVAILABLE: { kind: 'fault', 'zh-CN': '短信服务未配置，暂时无法发送验证码', en: 'No text message service is configured: codes cannot be sent' },
  ACCOUNT_NOT_ACTIVE: { kind: 'refusal', 'zh-CN': '账号尚未通过审核或已停用', en: 'The account is not verified yet, or is closed' },
  CODE_UNKNOWN: { kind: 'refusal', 'zh-CN': '代码不在相应的代码表中', en: 'The code is not in its code table' },
  RECORD_MERGED: { kind: 'refusal', 'zh-CN': '该记录已合并到另一条记录，请在保留的记录上办理', en: 'The record was merged into another: use the record kept' },
  MERGE_REFUSED: { kind: 'refusal', 'zh-CN': '这两条记录不能合并', en: 'These two records cannot be merged' },
  MERGE_DOUBLE_PAYMENT: {
    kind: 'refusal',
    'zh-CN': '合并后同一人的同一事项同一期间将有两笔发放，不能合并',
    en: 'After the merge one person would hold two payments of the same item and period: not merged',
  },
  DEFINITION_INVALID: { kind: 'fault', 'zh-CN': '流程定义不合法', en: 'The process definition is invalid' },
  OVERLAY_INVALID: { kind: 'refusal', 'zh-CN': '本地化调整引用的环节、表单或字段不存在或不适用', en: 'The overlay refers to a state, form or field that does not exist or does not fit' },
  OVERLAY_LOCK_VIOLATION: { kind: 'refusal', 'zh-CN': '该要素已被上级锁定，不得修改', en: 'The element is locked by a higher level and may not be changed' },
  OVERLAY_LOOSENING: { kind: 'refusal', 'zh-CN': '不得放宽上级规定的必填字段', en: 'A field required by a higher level may not be made optional or removed' },
  OVERLAY_UNCHANGED: { kind: 'refusal', 'zh-CN': '草稿与已生效的版本相同，没有可发布的修改', en: 'The draft is the version already in force: there is nothing to publish' },
  FINAL_STATE_REMOVED: { kind: 'refusal', 'zh-CN': '不得删除标准流程的办结环节', en: 'A final state of the standard may not be removed' },
  CALENDAR_INVALID: { kind: 'refusal', 'zh-CN': '节假日安排有误', en: 'The holiday schedule has errors' },
  PARAMETER_OUT_OF_BOUNDS: { kind: 'refusal', 'zh-CN': '参数值超出部级规定的范围', en: 'The parameter value is outside the bounds the ministry allows' },
  UNKNOWN_IMPLEMENTATION: {
    kind: 'fault',
    'zh-CN': '流程定义引用了未注册的实现',
    en: 'The process definition refers to an implementation that is not registered',
  },
  PLUGIN_DUPLICATE_ID: { kind: 'fault', 'zh-CN': '插件标识重复', en: 'Two plugins share one id' },
  PLUGIN_INVALID: { kind: 'refusal', 'zh-CN': '业务插件包不合法', en: 'The process package is invalid' },
  ORG_UNIT_OUT_OF_REACH: { kind: 'refusal', 'zh-CN': '只能在本人管辖的机构范围内设置用户或机构', en: 'Users and units may be placed only within your own org subtree' },
  SELF_ADMINISTRATION: { kind: 'refusal', 'zh-CN': '不能更改本人的角色、所属机构，也不能停用本人账号', en: 'You may not change your own role or org unit, nor disable yourself' },
  LAST_ADMINISTRATOR: { kind: 'refusal', 'zh-CN': '这是该机构最后一名在用的系统管理员，不能停用或调离', en: 'This is the last active administrator of the unit: it may not be disabled, demoted or moved' },
  POST_OUT_OF_REACH: { kind: 'refusal', 'zh-CN': '岗位须属于该用户所在机构范围内的服务机构', en: "A post must belong to an office within the user's org subtree" },
  POST_IN_USE: { kind: 'refusal', 'zh-CN': '岗位仍有人员在岗或有未办结的待办任务，不能删除', en: 'The post is still held by someone or named by an open task: it cannot be removed' },
  IMPORT_FILE_INVALID: { kind: 'refusal', 'zh-CN': '导入文件不是可读的 CSV 或 XLSX 文件', en: 'The import file is not a readable CSV or XLSX file' },
  IMPORT_HEADER_INVALID: { kind: 'refusal', 'zh-CN': '导入文件的表头与字段对应不上：缺少必填列或列名有误', en: 'The import file\u2019s header does not match the fields: a required column is missing or misnamed' },
  // A refusal answered with 409: the import is no longer awaiting this (approved, committed or discarded already).
  IMPORT_NOT_PENDING: { kind: 'refusal', 'zh-CN': '该导入批次当前状态不能执行此操作', en: 'The import is not in a state that allows this' },
  // A refusal answered with 409: the notice's period is over, or the case has left its notice state.
  NOTICE_CLOSED: { kind: 'refusal', 'zh-CN': '该公示已结束，不再受理异议', en: 'This notice has ended: objections are no longer taken' },
  NOTICE_OBJECTION_THROTTLED: { kind: 'refusal', 'zh-CN': '异议提交过于频繁，请稍后再试', en: 'Too many objections from this address: try again later' },
  // The exchange between organisations (runtime/exchange): a message that does not prove where it comes from, or is not for us, is refused and nothing is written.
  EXCHANGE_SENDER_UNKNOWN: { kind: 'refusal', 'zh-CN': '发送方不是已登记的交换成员', en: 'The sender is not a registered member of the exchange' },
  EXCHANGE_KEY_NOT_VALID: { kind: 'refusal', 'zh-CN': '签名密钥未登记，或在消息时间不在有效期内', en: "The signing key is not registered, or was not valid at the message's time" },
  EXCHANGE_SIGNATURE_INVALID: { kind: 'refusal', 'zh-CN': '签名验证失败', en: 'The signature does not verify' },
  EXCHANGE_PAYLOAD_HASH_MISMATCH: { kind: 'refusal', 'zh-CN': '消息内容与其摘要不符', en: 'The payload does not match its hash' },
  EXCHANGE_RECEIVER_NOT_HERE: { kind: 'refusal', 'zh-CN': '消息的接收方不在本节点', en: 'The receiver of the message is not served here' },
  // A refusal answered with 409: the same sender sent another message under the same id.
  EXCHANGE_MESSAGE_CONFLICT: { kind: 'refusal', 'zh-CN': '同一发送方的同一消息编号已对应另一条消息', en: 'The sender already sent another message under this id' },
  EXCHANGE_REQUEST_EXPIRED: { kind: 'refusal', 'zh-CN': '签名请求的时间与本节点时间相差过大', en: "The signed request's time is too far from this node's clock" },
  EXCHANGE_ACK_INVALID: { kind: 'refusal', 'zh-CN': '回执无效：签名、消息编号或摘要不符', en: 'The acknowledgement is invalid: its signature, message id or hash does not match' },
  // A city's administrator wiring it to other organisations (runtime/administration/exchange-wiring.ts): nothing is written on a refusal.
  EXCHANGE_MEMBER_UNKNOWN: { kind: 'refusal', 'zh-CN': '该交换成员尚未登记', en: 'The exchange member is not registered' },
  EXCHANGE_PUBLIC_KEY_INVALID: { kind: 'refusal', 'zh-CN': '公钥无效：须为 Base64 编码的 Ed25519 公钥（SPKI DER），有效期须有先后，同一密钥编号不能对应另一公钥', en: 'The public key is invalid: it must be an Ed25519 key as SPKI DER in base64, its validity must end after it starts, and its id must not name another key' },
  // Refusals answered with 409: the member's keys are held by the other side of what was asked.
  EXCHANGE_MEMBER_SERVED_HERE: { kind: 'refusal', 'zh-CN': '该成员的密钥由本节点生成，不能登记外来公钥', en: "This node makes the member's keys: a peer's public key cannot be registered for it" },
  EXCHANGE_MEMBER_NOT_OURS: { kind: 'refusal', 'zh-CN': '该成员是对方机构，本节点不持有其私钥，不能以其名义签名', en: "The member is a peer: this node holds none of its private keys and cannot sign for it" },
  EXCHANGE_MEMBER_UNREACHABLE: { kind: 'refusal', 'zh-CN': '该成员未登记交换接口地址，无法向其发送或查询', en: 'The member has no exchange address registered: nothing can be sent to or asked of it' },
  // Dead letters (runtime/exchange/dead-letters.ts): only a message given up can be put back in the outbox.
  EXCHANGE_MESSAGE_NOT_FOUND: { kind: 'refusal', 'zh-CN': '本市发件箱中没有这条消息', en: "There is no such message in the city's outbox" },
  EXCHANGE_MESSAGE_NOT_DEAD: { kind: 'refusal', 'zh-CN': '该消息未被放弃（仍在重试或已送达），无需重新投递', en: 'The message was not given up (it is still being tried, or was delivered): there is nothing to put back' },
  // The bank connector (runtime/ledger/bank-connector.ts): a reconciliation from the bank whose totals or lines do not agree with the batch is refused as a whole, nothing applied.
  BANK_RECONCILIATION_MISMATCH: { kind: 'refusal', 'zh-CN': '银行对账结果与付款批次不符（笔数、金额或明细），未作任何处理', en: 'The bank\u2019s reconciliation does not agree with the payment batch (count, total or lines): nothing was applied' },
  // The national platform's applications (runtime/national-applications): one not of the documented shape is answered as refused, nothing opened.
  NATIONAL_APPLICATION_INVALID: { kind: 'refusal', 'zh-CN': '全国平台申请信息不符合接口格式，未予受理', en: 'The national platform\u2019s application is not of the documented shape: not taken' },
  // Another agency's event message (runtime/agency-events): one not of the documented shape is refused, nothing of it kept.
  AGENCY_EVENT_INVALID: { kind: 'refusal', 'zh-CN': '部门推送的事件消息不符合接口格式，未予接收', en: 'The agency\u2019s event message is not of the documented shape: not taken' },
  // A fault answered with 503 and Retry-After: the peer did not answer in time or is down; the same step may succeed later.
  EXCHANGE_PEER_UNAVAILABLE: { kind: 'fault', 'zh-CN': '对方系统暂时无法访问，请稍后重试', en: 'The peer system did not answer; try again later' },
  EXCHANGE_QUERY_REFUSED: { kind: 'fault', 'zh-CN': '对方系统拒绝了查询请求', en: 'The peer system refused the query' },
  EXCHANGE_RESPONSE_INVALID: { kind: 'fault', 'zh-CN': '对方系统的应答不是对本次查询的有效签名应答', en: "The peer's answer is not a valid signed response to this query" },
  INTERNAL_ERROR: { kind: 'fault', 'zh-CN': '系统内部错误', en: 'Internal error' },
} as const satisfies Record<string, ErrorEntry>;

/** The literal union of every error code. */
export type ErrorCode = keyof typeof errorCatalogue;

/** Each code's default message alone, as the API's error catalogue serves it. */
export const errorMessages = Object.fromEntries(
  Object.entries(errorCatalogue).map(([code, entry]) => [code, { 'zh-CN': entry['zh-CN'], en: entry.en }]),
) as Readonly<Record<ErrorCode, LocalizedText>>;

/** The kind of an error code: a refusal, a conflict or a fault. */
export function errorKind(code: ErrorCode): ErrorKind {
  return errorCatalogue[code].kind;
}
