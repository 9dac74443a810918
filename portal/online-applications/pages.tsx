/** @jsxImportSource hono/jsx */
import type { Child, FC } from 'hono/jsx';
import type { ApplicationDetail, ApplicationSummary, OnlineForm } from '../../runtime/online-applications/index.ts';
import type { LocalizedText } from '../../runtime/public-forms/index.ts';
import { formFields, formValues, SchemaValues, type FormProblems, type FormValues } from '../forms/index.ts';
import { chinaDay, fillText, formatDay } from '../locale.ts';
import { Data, fill, Layout } from '../pages/layout.tsx';
import type { Site } from '../site.ts';
import { ApplicationForm, ApplicationProblems, type FileProblems } from './application-form.tsx';
import { applyMessages } from './messages.ts';

const day = (site: Site, iso: string) => formatDay(site.lang, chinaDay(iso));

/** The services a citizen can apply for online, each linking to its form. */
export const ApplyIndexPage: FC<{ site: Site; services: { processId: string; title: LocalizedText }[] }> = ({ site, services }) => {
  const t = applyMessages(site.lang);
  return (
    <Layout site={site} head={{ title: `${t.applyIndexTitle} - ${site.m.siteName}`, path: '/apply' }}>
      <div class="panel">
        <h1>{t.applyIndexTitle}</h1>
        <p>{t.applyIndexIntro}</p>
        <ul>
          {services.map((service) => (
            <li>
              <a href={site.href(`/apply/${service.processId}`)}>{service.title[site.lang]}</a>
            </li>
          ))}
        </ul>
        <p>
          <a href={site.href('/my/applications')}>{t.myTitle}</a>
        </p>
      </div>
    </Layout>
  );
};

/** The application form of a process, first shown or shown again with what was typed and what is wrong. */
export const ApplyPage: FC<{ site: Site; form: OnlineForm; maxBytes: number; values: FormValues; problems: FormProblems; files: FileProblems; csrf?: Child }> = ({ site, form, maxBytes, values, problems, files, csrf }) => {
  const t = applyMessages(site.lang);
  const heading = fillText(t.applyTitle, { process: form.title[site.lang] });
  const fields = formFields(form.form, site.lang);
  return (
    <Layout site={site} head={{ title: `${heading} - ${site.m.siteName}`, path: `/apply/${form.processId}`, noindex: true }}>
      <div class="panel">
        <h1>{heading}</h1>
        <p>{fill(t.applyIntro, { office: <Data site={site} text={form.office.name} /> })}</p>
        <ApplicationProblems site={site} fields={fields} problems={problems} files={files} />
        <ApplicationForm site={site} action={site.href(`/apply/${form.processId}`)} fields={fields} materials={form.materials} maxBytes={maxBytes} values={values} problems={problems} files={files} submitLabel={t.submit}>
          {csrf}
        </ApplicationForm>
      </div>
    </Layout>
  );
};

/** The account's applications, newest first, each with its number and state in plain words. */
export const MyApplicationsPage: FC<{ site: Site; items: readonly ApplicationSummary[] }> = ({ site, items }) => {
  const t = applyMessages(site.lang);
  return (
    <Layout site={site} head={{ title: `${t.myTitle} - ${site.m.siteName}`, path: '/my/applications', noindex: true }}>
      <div class="panel">
        <h1>{t.myTitle}</h1>
        <p>{t.myIntro}</p>
        {items.length === 0 ? <p>{t.myEmpty}</p> : null}
        <ul class="results" id="my-applications">
          {items.map((item) => (
            <li class="job" data-case-no={item.caseNo}>
              <h2>
                <a href={site.href(`/my/applications/${item.caseId}`)}>{item.title[site.lang]}</a>
              </h2>
              <p class="meta">
                <span>
                  {t.applicationNo}：{item.caseNo}
                </span>
                <span data-phase={item.phase}>{t.phase[item.phase]}</span>
                <span>
                  {t.submittedAt}：{day(site, item.submittedAt)}
                </span>
              </p>
            </li>
          ))}
        </ul>
        <p>
          <a href={site.href('/apply')}>{t.applyLink}</a>
        </p>
      </div>
    </Layout>
  );
};

/**
 * One application for its applicant: the number, the state in plain words, the office's return
 * (with the reason and what to add, and the form to correct and send again) or its decision, and
 * what was sent.
 */
export const MyApplicationPage: FC<{ site: Site; detail: ApplicationDetail; submitted: boolean; maxBytes: number; values?: FormValues | undefined; problems: FormProblems; files: FileProblems; csrf?: Child }> = ({ site, detail, submitted, maxBytes, values, problems, files, csrf }) => {
  const t = applyMessages(site.lang);
  const step = detail.officeStep;
  const resubmit = detail.resubmit;
  const resubmitFields = resubmit ? formFields(resubmit.form, site.lang) : [];
  return (
    <Layout site={site} head={{ title: `${detail.title[site.lang]} ${detail.caseNo} - ${site.m.siteName}`, path: `/my/applications/${detail.caseId}`, noindex: true }}>
      <div class="panel">
        {submitted ? (
          <p class="notice" id="application-submitted">
            {t.submittedNotice} <strong>{detail.caseNo}</strong>
          </p>
        ) : null}
        <h1>{detail.title[site.lang]}</h1>
        <dl class="facts">
          <div>
            <dt>{t.applicationNo}</dt>
            <dd id="application-no">{detail.caseNo}</dd>
          </div>
          <div>
            <dt>{t.state}</dt>
            <dd id="application-phase" data-phase={detail.phase}>
              {t.phase[detail.phase]}
              {fillText(t.currentStep, { state: detail.stateTitle[site.lang] })}
            </dd>
          </div>
          <div>
            <dt>{t.submittedAt}</dt>
            <dd>{day(site, detail.submittedAt)}</dd>
          </div>
          <div>
            <dt>{t.office}</dt>
            <dd>
              <Data site={site} text={detail.office} />
            </dd>
          </div>
        </dl>
      </div>
      {step ? (
        <section class="panel" id="office-step" aria-labelledby="office-step-heading">
          <h2 id="office-step-heading">{detail.phase === 'returned' ? t.returnHeading : t.decisionHeading}</h2>
          <p>
            <strong>{step.title[site.lang]}</strong> {fillText(t.decidedOn, { date: day(site, step.at) })}
          </p>
          {step.form ? <SchemaValues site={site} fields={formFields(step.form, site.lang)} data={step.data} /> : null}
        </section>
      ) : null}
      {resubmit ? (
        <section class="panel" aria-labelledby="resubmit-heading">
          <h2 id="resubmit-heading">{t.resubmit}</h2>
          <ApplicationProblems site={site} fields={resubmitFields} problems={problems} files={files} />
          <ApplicationForm
            site={site}
            action={site.href(`/my/applications/${detail.caseId}`)}
            fields={resubmitFields}
            materials={resubmit.materials}
            maxBytes={maxBytes}
            values={values ?? formValues(resubmitFields, detail.data)}
            problems={problems}
            files={files}
            submitLabel={t.resubmit}
            hidden={{ version: String(detail.version) }}
          >
            {csrf}
          </ApplicationForm>
        </section>
      ) : (
        <section class="panel" aria-labelledby="sent-heading">
          <h2 id="sent-heading">{t.sentHeading}</h2>
          <SentValues site={site} detail={detail} />
        </section>
      )}
      <section class="panel" aria-labelledby="files-heading">
        <h2 id="files-heading">{t.filesHeading}</h2>
        {detail.files.length === 0 ? <p>{t.noFiles}</p> : null}
        <ul>
          {detail.files.map((file) => (
            <li>
              <Data site={site} text={file.fileName} />
              {file.withdrawn ? t.withdrawnFile : null}
            </li>
          ))}
        </ul>
        <p>
          <a href={site.href('/my/applications')}>{t.backToMy}</a>
        </p>
      </section>
    </Layout>
  );
};

/** What the applicant sent, by the form of the process's first step. */
const SentValues: FC<{ site: Site; detail: ApplicationDetail }> = ({ site, detail }) =>
  detail.sentForm ? <SchemaValues site={site} fields={formFields(detail.sentForm, site.lang)} data={detail.data} /> : null;
