/**
 * The kinds of job the portal benchmark posts, each with how often it is posted in a Fujian city
 * (factory and service work most, professions less), its occupation (2022 classification) and
 * industries (GB/T 4754-2017) from the runtime's code tables, titles, duties and requirements in
 * Chinese, monthly pay in yuan and the education asked. The two-character words a job seeker types
 * (会计, 司机, 电工, 厨师, 保安, 普工, 销售, 客服) occur where they would: in titles and duties.
 */
export interface JobKind {
  /** Relative frequency among all postings. */
  weight: number;
  occupation: string;
  industries: readonly string[];
  /** The word an employer's name carries for its trade (物流, 财务咨询, 餐饮管理). */
  trade: string;
  titles: readonly string[];
  duties: readonly string[];
  requirements: readonly string[];
  /** Monthly pay, yuan: the lowest floor and the highest ceiling a posting offers. */
  pay: readonly [number, number];
  /** Education codes of the posting form with their weights. */
  education: readonly (readonly [string, number])[];
  /** Part of its postings paid by the hour (part-time), or by the piece. */
  hourly?: number;
  piece?: number;
}

export const jobKinds: readonly JobKind[] = [
  {
    weight: 12, occupation: '6-25-01-11', industries: ['3972', '3981', '3670'], trade: '电子科技',
    titles: ['普工', '操作工', '电子普工', '装配普工', '流水线普工', '包装普工'],
    duties: ['在流水线上完成电子元件的插件、焊接和组装，按作业指导书操作。', '负责产品装配、检验和包装，保持工位整洁，完成班组生产任务。', '操作生产设备完成零部件加工，做好首件自检和生产记录。'],
    requirements: ['身体健康，能适应两班倒，无经验可培训。', '初中及以上学历，吃苦耐劳，服从车间安排。', '18至45周岁，视力良好，有电子厂经验者优先。'],
    pay: [4000, 7500], education: [['70', 6], ['60', 2], ['40', 2]], piece: 0.15,
  },
  {
    weight: 10, occupation: '4-01-02-01', industries: ['5211', '5212', '5293', '7020'], trade: '商贸',
    titles: ['销售代表', '销售专员', '电话销售', '门店销售', '销售经理', '渠道销售'],
    duties: ['开拓和维护客户，完成月度销售指标，跟进订单与回款。', '负责门店商品销售和顾客接待，做好陈列和库存盘点。', '通过电话与线上渠道推介产品，维护客户关系，整理销售台账。'],
    requirements: ['中专及以上学历，沟通表达能力强，有销售经验者优先。', '有驾照、能适应出差者优先，业绩提成另计。', '一年以上销售工作经验，熟悉本地市场。'],
    pay: [4000, 15000], education: [['20', 4], ['40', 3], ['60', 3]],
  },
  {
    weight: 6, occupation: '4-03-02-05', industries: ['6210', '6110'], trade: '餐饮管理',
    titles: ['餐厅服务员', '服务员', '包厢服务员', '传菜员', '前厅服务员'],
    duties: ['负责餐厅迎宾、点菜、传菜和餐后收台，保持就餐区域整洁。', '为顾客提供用餐服务，处理顾客的合理需求，协助做好开餐准备。'],
    requirements: ['身体健康，持健康证，服务意识好。', '18至40周岁，普通话流利，能适应轮休。'],
    pay: [3500, 5500], education: [['70', 5], ['60', 3], ['40', 2]], hourly: 0.2,
  },
  {
    weight: 4, occupation: '4-02-02-02', industries: ['5431', '5437', '5436'], trade: '物流',
    titles: ['货车司机', '厢式货车司机', '配送司机', '物流司机', '重卡司机'],
    duties: ['驾驶厢式货车往返各配送点运送货物，负责装卸交接和签收单回传。', '按调度安排完成城市配送，做好车辆日常检查和保养。', '驾驶重型货车跑省内干线运输，遵守交通法规，确保货物安全。'],
    requirements: ['持B2及以上驾驶证，三年以上驾龄，无重大事故记录。', '持A2驾驶证和道路货物运输从业资格证，熟悉福建路况。', '持C1驾驶证，熟悉市区道路，能吃苦耐劳。'],
    pay: [6000, 12000], education: [['70', 5], ['60', 3], ['40', 2]],
  },
  {
    weight: 2, occupation: '4-02-02-01', industries: ['5411', '5421', '5413'], trade: '客运',
    titles: ['客车司机', '公交司机', '通勤班车司机', '网约车司机'],
    duties: ['驾驶客车完成通勤和包车线路运营，保障乘客安全。', '按排班驾驶公交车辆，做好车辆检查和运营记录。'],
    requirements: ['持A1或A3驾驶证，五年以上安全驾龄。', '持C1驾驶证，持网约车驾驶员证者优先。'],
    pay: [6000, 10000], education: [['60', 4], ['70', 4], ['40', 2]],
  },
  {
    weight: 4, occupation: '2-06-03-00', industries: ['7241', '5212', '3670', '7020'], trade: '财务咨询',
    titles: ['会计', '财务会计', '成本会计', '总账会计', '税务会计', '会计主管', '会计助理'],
    duties: ['负责日常账务处理、编制财务报表和纳税申报。', '审核原始凭证，登记明细账，做好成本核算和月末结账。', '协助财务经理完成预算、税务筹划和审计对接。'],
    requirements: ['会计、财务管理等相关专业大专及以上学历，持初级会计职称。', '两年以上会计工作经验，熟练使用财务软件和办公软件。', '持中级会计职称者优先，熟悉一般纳税人账务。'],
    pay: [4500, 12000], education: [['20', 8], ['10', 1], ['40', 1]],
  },
  {
    weight: 2, occupation: '2-06-03-00', industries: ['7241', '5211', '6210'], trade: '贸易',
    titles: ['出纳', '出纳员', '财务出纳'],
    duties: ['负责现金收付和银行结算，登记现金和银行存款日记账。', '办理报销、开票和银行对账，保管票据和印章。'],
    requirements: ['会计相关专业中专及以上学历，细心严谨。', '一年以上出纳经验，熟悉网银操作。'],
    pay: [3800, 6500], education: [['20', 6], ['40', 4]],
  },
  {
    weight: 3, occupation: '6-31-01-03', industries: ['4910', '7020', '3670', '4420'], trade: '机电设备',
    titles: ['电工', '维修电工', '设备电工', '物业电工', '高压电工'],
    duties: ['负责厂区电气线路与设备的日常巡检和维修，处理突发电气故障。', '负责小区供配电设备、照明和消防设施的维护保养。', '安装和调试生产设备的电气控制系统，做好维修记录。'],
    requirements: ['持低压电工作业证，两年以上维修经验。', '持高压电工证，熟悉PLC和变频器者优先。', '中专及以上学历，能适应值班。'],
    pay: [5000, 9000], education: [['40', 5], ['60', 3], ['70', 2]],
  },
  {
    weight: 4, occupation: '4-03-02-01', industries: ['6210', '6110'], trade: '餐饮管理',
    titles: ['厨师', '中餐厨师', '炒锅厨师', '厨师长', '面点师', '砧板厨师'],
    duties: ['负责热菜烹制和菜品出品，把控口味和卫生标准。', '负责食材粗加工、切配和备料，协助厨师长研发新菜。'],
    requirements: ['持健康证，三年以上厨师工作经验，擅长闽菜者优先。', '持中式烹调师证书者优先，能适应早晚班。'],
    pay: [5000, 12000], education: [['40', 4], ['60', 3], ['70', 3]],
  },
  {
    weight: 5, occupation: '4-07-05-01', industries: ['7271', '7020'], trade: '保安服务',
    titles: ['保安', '保安员', '门岗保安', '巡逻保安', '监控室保安'],
    duties: ['负责门岗值守、来访登记和车辆引导，维护园区秩序。', '按路线巡逻，检查消防设施，发现隐患及时上报。', '值守监控中心，处理报警信息，做好交接班记录。'],
    requirements: ['持保安员证，身体健康，退伍军人优先。', '55周岁以下，责任心强，能适应夜班。'],
    pay: [3500, 5500], education: [['70', 5], ['60', 4], ['40', 1]],
  },
  {
    weight: 4, occupation: '4-09-08-01', industries: ['7820', '7020', '8010'], trade: '物业服务',
    titles: ['保洁员', '保洁', '商场保洁', '物业保洁', '客房保洁'],
    duties: ['负责公共区域的清洁和垃圾清运，保持环境卫生。', '按标准完成客房和办公区清洁，补充日用品。'],
    requirements: ['身体健康，吃苦耐劳，60周岁以下。', '有物业保洁经验者优先，能适应早班。'],
    pay: [2800, 4200], education: [['80', 3], ['70', 6], ['none', 1]], hourly: 0.25,
  },
  {
    weight: 4, occupation: '4-02-07-08', industries: ['5436', '6010', '5293'], trade: '快递',
    titles: ['快递员', '快递派送员', '快递分拣员', '同城配送员'],
    duties: ['负责片区快件的揽收和派送，使用手持终端扫描录入。', '按件分拣快递包裹，扫描录入并装车。'],
    requirements: ['有电动车驾驶经验，熟悉片区道路。', '能适应夜班，多劳多得。'],
    pay: [5000, 9000], education: [['70', 6], ['60', 4]], piece: 0.4,
  },
  {
    weight: 3, occupation: '4-02-06-01', industries: ['5920', '5212', '3670'], trade: '供应链',
    titles: ['仓管员', '仓库管理员', '仓储主管', '理货员'],
    duties: ['负责货物出入库登记、盘点和库位管理，确保账实相符。', '使用仓储管理系统录入单据，安排拣货和发货。'],
    requirements: ['中专及以上学历，会用电脑，有叉车证者优先。', '一年以上仓库管理经验，细心负责。'],
    pay: [4000, 7000], education: [['40', 4], ['60', 4], ['20', 2]],
  },
  {
    weight: 4, occupation: '4-07-02-03', industries: ['6421', '5293', '7251'], trade: '网络科技',
    titles: ['客服专员', '在线客服', '电话客服', '售后客服', '客服主管'],
    duties: ['通过电话和在线平台解答客户咨询，处理订单和售后问题。', '记录客户反馈，跟进投诉处理，维护客户满意度。'],
    requirements: ['中专及以上学历，普通话标准，打字每分钟50字以上。', '有电商客服经验者优先，能适应轮班。'],
    pay: [3800, 6500], education: [['40', 4], ['20', 4], ['60', 2]], hourly: 0.1,
  },
  {
    weight: 4, occupation: '3-01-01-01', industries: ['7020', '7281', '3670', '8610'], trade: '企业管理',
    titles: ['行政文员', '文员', '行政专员', '前台文员', '人事行政专员'],
    duties: ['负责文件收发、档案管理、会议安排和办公用品采购。', '接待来访，处理考勤和人事资料，协助组织员工活动。'],
    requirements: ['大专及以上学历，熟练使用办公软件。', '一年以上行政工作经验，形象气质佳。'],
    pay: [3500, 6000], education: [['20', 7], ['40', 3]],
  },
  {
    weight: 2, occupation: '6-18-02-04', industries: ['3311', '3670', '4851'], trade: '机械制造',
    titles: ['焊工', '电焊工', '氩弧焊工', '二保焊工'],
    duties: ['按图纸完成钢结构件的焊接，保证焊缝质量。', '负责不锈钢管道和设备的氩弧焊接与修补。'],
    requirements: ['持特种作业焊工证，两年以上焊接经验。', '能看懂图纸，会二保焊和氩弧焊者优先。'],
    pay: [6000, 11000], education: [['40', 4], ['70', 4], ['60', 2]], piece: 0.2,
  },
  {
    weight: 3, occupation: '6-05-01-03', industries: ['1819', '1830', '1951'], trade: '服饰',
    titles: ['缝纫工', '平车工', '车位工', '服装车工'],
    duties: ['操作平缝机完成服装裁片的缝制，保证做工质量。', '按工序完成车缝、锁边和整烫。'],
    requirements: ['有服装厂车位经验，熟练操作平车。', '手脚麻利，新手可带。'],
    pay: [4500, 8000], education: [['70', 7], ['80', 2], ['60', 1]], piece: 0.5,
  },
  {
    weight: 2, occupation: '6-05-04-01', industries: ['1951'], trade: '鞋业',
    titles: ['制鞋工', '鞋厂针车工', '成型工', '鞋面工'],
    duties: ['在制鞋流水线完成鞋面针车、成型和刷胶工序。', '按工艺要求完成鞋底贴合和质量检验。'],
    requirements: ['有鞋厂工作经验者优先，能适应加班。', '吃苦耐劳，新手可培训。'],
    pay: [4500, 8000], education: [['70', 7], ['60', 3]], piece: 0.5,
  },
  {
    weight: 3, occupation: '4-01-02-03', industries: ['5211', '5212'], trade: '商业',
    titles: ['营业员', '商场营业员', '导购员', '收银员', '超市收银员'],
    duties: ['负责商品陈列、顾客导购和收银结账，做好交接班。', '负责超市收银和会员办理，保证账款相符。'],
    requirements: ['高中及以上学历，服务意识好。', '能适应轮班，有零售经验者优先。'],
    pay: [3200, 5500], education: [['60', 5], ['40', 3], ['70', 2]], hourly: 0.2,
  },
  {
    weight: 2, occupation: '2-05-08-01', industries: ['8411', '8423', '8514'], trade: '医疗',
    titles: ['护士', '临床护士', '护理员', '养老护理员'],
    duties: ['负责病区患者的日常护理、输液和病情观察，书写护理记录。', '照护老年人日常起居，协助康复训练和用药。'],
    requirements: ['护理专业大专及以上学历，持护士执业证书。', '有医院或养老机构工作经验者优先，能适应夜班。'],
    pay: [4500, 8000], education: [['20', 8], ['40', 2]],
  },
  {
    weight: 2, occupation: '2-08-02-04', industries: ['8321', '8331'], trade: '教育科技',
    titles: ['小学教师', '数学教师', '英语教师', '语文教师', '培训讲师'],
    duties: ['负责所任学科的教学，备课、批改作业和家校沟通。', '开展课后辅导和教研活动，关注学生成长。'],
    requirements: ['本科及以上学历，持相应学段教师资格证。', '普通话二级甲等及以上，有教学经验者优先。'],
    pay: [5000, 10000], education: [['20', 8], ['10', 2]],
  },
  {
    weight: 3, occupation: '2-02-10-03', industries: ['6513', '6520', '6421'], trade: '软件',
    titles: ['软件工程师', 'Java开发工程师', '前端开发工程师', '测试工程师', '运维工程师'],
    duties: ['参与业务系统的需求分析、设计与开发，编写技术文档。', '负责网页前端开发和性能优化，配合后端联调接口。', '编写测试用例，执行功能和接口测试，跟踪缺陷。'],
    requirements: ['计算机相关专业本科及以上学历，熟悉Java或TypeScript。', '三年以上开发经验，熟悉MySQL和PostgreSQL者优先。'],
    pay: [8000, 25000], education: [['20', 8], ['10', 2]],
  },
  {
    weight: 2, occupation: '4-10-01-06', industries: ['8010'], trade: '家政服务',
    titles: ['家政服务员', '育婴员', '月嫂', '住家保姆'],
    duties: ['负责家庭保洁、烹饪和衣物整理。', '照护新生儿和产妇，做好喂养和卫生护理。'],
    requirements: ['持健康证，有家政或育婴经验，持育婴员证者优先。', '50周岁以下，勤快细心。'],
    pay: [5000, 12000], education: [['70', 6], ['60', 3], ['none', 1]], hourly: 0.15,
  },
  {
    weight: 2, occupation: '4-02-05-01', industries: ['5920', '5431', '5810'], trade: '物流',
    titles: ['装卸工', '搬运工', '叉车工', '装卸搬运工'],
    duties: ['负责仓库货物的装卸和搬运，按要求堆码。', '驾驶叉车完成托盘货物的装卸和转运。'],
    requirements: ['身体健壮，能吃苦，持叉车证者优先。', '服从安排，能适应夜班。'],
    pay: [4500, 8000], education: [['70', 6], ['80', 2], ['60', 2]], piece: 0.3,
  },
];

/** Brand words employers' names are made of. */
export const brandWords = ['鑫达', '恒盛', '华美', '永安', '金源', '宏远', '天和', '闽兴', '海峡', '东南', '瑞丰', '嘉禾', '鸿运', '泰和', '兴业', '润达', '广源', '盛世', '正通', '信诚', '佳利', '新航', '闽江', '鹭岛', '榕城', '刺桐', '九龙', '武夷', '汀江', '三山'];

/**
 * The nine cities of Fujian by division code with their share of postings (the coastal cities of
 * 福州, 厦门 and 泉州 most), and the counties left out: 金门县 has no postings of the mainland's
 * employment services.
 */
export const cityShares: readonly (readonly [string, number])[] = [
  ['3501', 22], ['3502', 22], ['3503', 7], ['3504', 5], ['3505', 22], ['3506', 8], ['3507', 4], ['3508', 5], ['3509', 5],
];
export const leftOutCounties: ReadonlySet<string> = new Set(['350527']);
