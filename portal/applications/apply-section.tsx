/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import { NOTE_MAX } from '../../runtime/job-applications/index.ts';
import { CsrfField } from '../session/csrf-field.tsx';
import { fillText } from '../locale.ts';
import { SentOutcome } from '../pages/form-parts.tsx';
import type { Site } from '../site.ts';
import { textsOf } from './texts.ts';

/** Where the visitor stands towards applying to this posting. */
export type ApplyStanding = 'signed-out' | 'employer' | 'needs-job-seeking' | 'open' | 'applied';

/**
 * The posting page's way to apply online: a sign-in link for a visitor, the short form (a note,
 * whether to show the mobile number) for a citizen with an active job-seeker registration, a link
 * to register for one without, and the application's news once sent. The office remains a way too.
 */
export const ApplySection: FC<{ site: Site; postingId: string; caseNo: string; standing: ApplyStanding; notice?: string | undefined; error?: string | undefined }> = ({
  site,
  postingId,
  caseNo,
  standing,
  notice,
  error,
}) => {
  const t = textsOf(site.lang);
  const here = site.href(`/jobs/${postingId}`);
  return (
    <div class="apply" id="apply">
      <h3>{t.applyHeading}</h3>
      <SentOutcome notice={notice} error={error} />
      {standing === 'signed-out' ? (
        <p>
          {t.applySignIn} <a href={site.href('/login', new URLSearchParams({ next: here }))}>{t.signIn}</a> · <a href={site.href('/signup')}>{t.signUp}</a>
        </p>
      ) : null}
      {standing === 'employer' ? <p>{t.applyEmployerAccount}</p> : null}
      {standing === 'needs-job-seeking' ? (
        <p>
          {t.applyNeedsJobSeeking} <a href={site.href('/my/job-seeking', new URLSearchParams({ next: here }))}>{t.jobSeekingLink}</a>
        </p>
      ) : null}
      {standing === 'applied' && !notice ? (
        <p>
          {t.applied} <a href={site.href('/my')}>{t.myPage}</a>
        </p>
      ) : null}
      {standing === 'open' ? (
        <form method="post" action={site.href(`/jobs/${postingId}/apply`)} class="stack">
          <CsrfField site={site} />
          <div class="field">
            <label for="apply-note">{t.applyNoteLabel}</label>
            <textarea id="apply-note" name="note" maxlength={NOTE_MAX} rows={4}></textarea>
          </div>
          <label class="check">
            <input type="checkbox" name="sharePhone" value="yes" /> {t.applySharePhone}
          </label>
          <div>
            <button type="submit">{t.applyButton}</button>
          </div>
        </form>
      ) : null}
      <p>{fillText(t.applyOtherWay, { caseNo })}</p>
    </div>
  );
};
