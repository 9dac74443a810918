import { employers, type PersonKey } from './cast.ts';
import { at, type Act, type SceneGroup, type Story } from './story.ts';

/** Where a file came from and what it holds, as the caseworker records it on acceptance. */
interface Received {
  fileNumber: string;
  sourceUnit: string;
  sourceUnitCreditCode?: string;
  materials: string[];
}

/** A file that arrives: the case opens on `arrivesOn`; returns the act and the case id once opened. */
function arrives(s: Story, who: PersonKey, arrivesOn: [number, string]): [Act, () => string] {
  let caseId = '';
  return [at(...arrivesOn, async () => (caseId = (await s.open('personnel-file', await s.person(who))).id)), () => caseId];
}

/** The caseworker checks the file, received by confidential mail on working day `receivedOn`, and takes it into custody. */
const accept = (s: Story, caseId: string, receivedOn: number, file: Received) =>
  s.send('caseworker', caseId, 'accept', { ...file, receivedDate: s.dateOf(receivedOn), receivedVia: 'confidential-mail' });

/** The caseworker records a transfer letter of the receiving unit (its prefix and serial number of the year) dated today. */
const requestTransfer = (s: Story, caseId: string, letter: { destinationUnit: string; prefix: string; serial: number; transferReason: string }) => {
  const { destinationUnit, prefix, serial, transferReason } = letter;
  const transferLetterNo = `${prefix}〔${s.today().slice(0, 4)}〕${serial}号`;
  return s.send('caseworker', caseId, 'requestTransfer', { destinationUnit, transferLetterNo, transferLetterDate: s.today(), transferReason });
};

/**
 * 林晓燕's file comes from her university and stays in custody; a certificate of custody is
 * issued for her new employer. 许文博's file, accepted late, is transferred to the public
 * institution that recruited him and sent by confidential mail.
 */
function filesInCustody(s: Story): Act[] {
  const [graduate, graduateFile] = arrives(s, 'linXiaoyan', [3, '09:40']);
  const [recruit, recruitFile] = arrives(s, 'xuWenbo', [6, '10:00']);
  return [
    graduate,
    at(3, '14:00', () => accept(s, graduateFile(), 3, { fileNumber: 'DA-XM-0316', sourceUnit: '集美大学学生工作处', materials: ['resume', 'education', 'appraisal', 'party-league'] })),
    at(23, '10:00', () => s.send('caseworker', graduateFile(), 'issueCertificate', { certificateType: 'custody', purpose: '新单位办理入职手续', requestDate: s.today() })),
    recruit,
    at(14, '09:30', () =>
      accept(s, recruitFile(), 6, { fileNumber: 'DA-XM-0402', sourceUnit: employers.lujiang.name, sourceUnitCreditCode: employers.lujiang.creditCode, materials: ['resume', 'education', 'appraisal', 'employment-salary'] }),
    ),
    at(38, '10:00', () => requestTransfer(s, recruitFile(), { destinationUnit: '厦门市湖里区机关事务服务中心', prefix: '湖事调', serial: 17, transferReason: 'civil-service' })),
    at(39, '15:00', () => s.send('supervisor', recruitFile(), 'approveTransfer', { opinion: '调档函真实有效，同意转出' })),
    at(41, '10:00', () => s.send('caseworker', recruitFile(), 'dispatch', { dispatchDate: s.today(), dispatchMethod: 'confidential-mail', trackingNo: 'JY3502064418' })),
  ];
}

/**
 * 郑海峰 brought his own file, which is refused; sent again by confidential mail, it waits for
 * intake. 杨国栋 moves to Quanzhou: his transfer waits for review.
 */
function filesWaiting(s: Story): Act[] {
  const [carried, carriedFile] = arrives(s, 'zhengHaifeng', [20, '10:30']);
  const [resent] = arrives(s, 'zhengHaifeng', [49, '10:00']);
  const [mover, moverFile] = arrives(s, 'yangGuodong', [8, '09:30']);
  return [
    carried,
    at(20, '10:40', () => s.send('caseworker', carriedFile(), 'refuse', { refusalReason: '档案由本人自带，按规定不予接收；请原存档机构通过机要通信转递。' })),
    resent,
    mover,
    at(9, '10:00', () =>
      accept(s, moverFile(), 8, { fileNumber: 'DA-XM-0419', sourceUnit: employers.jimei.name, sourceUnitCreditCode: employers.jimei.creditCode, materials: ['resume', 'education', 'appraisal', 'awards'] }),
    ),
    at(49, '14:30', () => requestTransfer(s, moverFile(), { destinationUnit: '泉州市人才服务中心', prefix: '泉人才调', serial: 85, transferReason: 'moved' })),
  ];
}

export const personnelFileScenes: SceneGroup = {
  title: '人事劳动保障事务代理 personnel file custody',
  acts: (s) => [...filesInCustody(s), ...filesWaiting(s)],
};
