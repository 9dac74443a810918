import { randomBytes, randomUUID } from 'node:crypto';
import { hashPassword } from '../../auth/index.ts';
import { publicAccounts } from '../../db/schema/index.ts';
import { openAccountVerification } from '../../employer-accounts/index.ts';
import { sealPhone } from '../../privacy/index.ts';
import { at, type SceneGroup, type Story } from './story.ts';

/** Two employers of 思明区 that sign up on the public site during the story (made up, valid credit codes). */
const applicants = {
  media: { creditCode: '91350203MA8Y2K3L9E', name: '厦门鹭江文化传媒有限公司', agentName: '郑雅琴', mobile: '13950000011' },
  catering: { creditCode: '91350203MA8X5N7P0N', name: '厦门筼筜餐饮管理有限公司', agentName: '黄志强', mobile: '13950000012' },
} as const;

/**
 * An employer signs up as the public site would sign it up (without the text message): its pending
 * account (a demo account, with a password nobody knows) and the verification case opened with it,
 * in one transaction. Returns the case's id.
 */
async function signUp(s: Story, who: keyof typeof applicants): Promise<string> {
  const applicant = applicants[who];
  const { rt } = s;
  const sealed = sealPhone(rt.cipher, applicant.mobile);
  return rt.db.transaction(async (tx) => {
    const [account] = await tx
      .insert(publicAccounts)
      .values({
        id: randomUUID(),
        cityCode: s.user('caseworker').orgUnit.cityCode!,
        kind: 'employer',
        status: 'pending',
        loginIndex: applicant.creditCode,
        displayName: applicant.name,
        mobile: sealed.phone!,
        mobileMasked: sealed.phoneMasked!,
        creditCode: applicant.creditCode,
        agentName: rt.cipher.encrypt(applicant.agentName),
        passwordHash: await hashPassword(randomBytes(18).toString('base64url')),
        demo: true,
        createdAt: rt.clock(),
        updatedAt: rt.clock(),
      })
      .returning();
    return (await openAccountVerification(tx, rt, account!)).id;
  });
}

/**
 * Employers signing up on the public site: a media company whose account the caseworker verifies
 * the same day (its record on the register written from the application), a restaurant later that
 * day, still waiting when the story ends (the story's last working day, as its other acts keep).
 */
export const employerAccountScenes: SceneGroup = {
  title: '用人单位网上账号 employer accounts on the public site',
  acts: (s) => {
    let media = '';
    return [
      at(50, '09:10', async () => (media = await signUp(s, 'media'))),
      at(50, '15:20', async () => {
        await s.send('caseworker', media, 'verify', { marketStatus: 'existing', verificationNote: '已核对营业执照与经办人身份证件，国家企业信用信息公示系统显示存续' });
        s.created.employers++;
      }),
      at(50, '16:05', () => signUp(s, 'catering')),
    ];
  },
};
