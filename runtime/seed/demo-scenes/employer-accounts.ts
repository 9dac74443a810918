import { openVerificationOfAccount } from '../../employer-accounts/index.ts';
import { insertDemoEmployerAccount, insertEmployerAccount } from '../demo-employer-account.ts';
import { at, type Story, type SceneGroup } from './story.ts';

/** Two employers of 思明区 that sign up on the public site during the story (made up, valid credit codes). */
const applicants = {
  media: { creditCode: '91350203MA8Y2K3L9E', name: '厦门鹭江文化传媒有限公司', agentName: '郑雅琴', mobile: '13950000011' },
  catering: { creditCode: '91350203MA8X5N7P0N', name: '厦门筼筜餐饮管理有限公司', agentName: '黄志强', mobile: '13950000012' },
} as const;

/** An employer signs up: its pending account and the verification case opened with it, in one transaction, as the public site does; returns the case's id. */
async function signUp(s: Story, who: keyof typeof applicants): Promise<string> {
  const applicant = applicants[who];
  const cityCode = s.user('caseworker').orgUnit.cityCode!;
  return s.rt.db.transaction(async (tx) => {
    const account = await insertEmployerAccount(tx, s.rt.cipher, s.rt.clock(), { ...applicant, cityCode, status: 'pending', employerId: null });
    return (await openVerificationOfAccount(tx, s.rt, account)).id;
  });
}

/**
 * Employer accounts of the public site: 鹭源财务 (registered in the story) gets the demo employer's
 * account; a media company signs up online and the caseworker verifies it the same day (its record
 * written from the application), a restaurant signs up the next day and waits.
 */
export const employerAccountScenes: SceneGroup = {
  title: '用人单位网上账号 employer accounts on the public site',
  acts: (s) => {
    let media = '';
    return [
      at(50, '08:40', () => insertDemoEmployerAccount(s.rt.db, s.rt.cipher, s.rt.clock())),
      at(50, '09:10', async () => (media = await signUp(s, 'media'))),
      at(50, '15:20', async () => {
        await s.send('caseworker', media, 'verify', { verificationNote: '已核对营业执照与经办人身份证件' });
        // Its record on the register is written from the application by the verification.
        s.created.employers++;
      }),
      at(51, '10:05', () => signUp(s, 'catering')),
    ];
  },
};
