/** @jsxImportSource hono/jsx */
import type { Child, FC } from 'hono/jsx';
import type { GuideCity, GuideField, GuideStep, ServiceGuide } from '../../runtime/guides/index.ts';
import { fillText } from '../locale.ts';
import { Data, Layout, fill } from '../pages/layout.tsx';
import type { Site } from '../site.ts';
import { CityPicker } from './city-picker.tsx';
import { cityQuery } from './guide-city.ts';
import { guideMessages, type GuideMessages } from './guide-messages.ts';

const Fact: FC<{ label: string; children?: Child }> = ({ label, children }) => (
  <div>
    <dt>{label}</dt>
    <dd>{children}</dd>
  </div>
);

/** One step: its title, who handles it and its time limit, or a public notice's period; the last one is where the case ends. */
const Step: FC<{ site: Site; g: GuideMessages; step: GuideStep }> = ({ site, g, step }) => (
  <li data-state={step.state}>
    <h3>{step.result ? fillText(g.stepResult, { title: step.title[site.lang] }) : step.title[site.lang]}</h3>
    {step.notice ? (
      <p class="meta">
        <span>{step.workingDays ? fillText(g.stepNotice, { days: g.workingDays(step.workingDays) }) : g.stepNoticeOpen}</span>
      </p>
    ) : step.post || step.role ? (
      <p class="meta">
        <span>{fillText(g.stepHandler, { handler: [step.post?.name[site.lang], step.role ? (g.roles[step.role] ?? step.role) : undefined].filter(Boolean).join(' · ') })}</span>
        {step.workingDays ? <span>{fillText(g.stepLimit, { days: g.workingDays(step.workingDays) })}</span> : null}
      </p>
    ) : null}
  </li>
);

/** The condition that makes a field required: `失业人员类别为“从用人单位失业”`. */
function conditionText(site: Site, g: GuideMessages, field: GuideField): string {
  const parts = (field.when ?? []).map((w) => fillText(g.conditionPart, { field: w.field[site.lang], value: w.value[site.lang] }));
  return fillText(g.conditionalWhen, { condition: parts.join(site.lang === 'en' ? ' and ' : '且') });
}

const FieldList: FC<{ site: Site; id: string; heading: string; fields: readonly GuideField[]; g: GuideMessages }> = ({ site, id, heading, fields, g }) =>
  fields.length === 0 ? null : (
    <>
      <h3 id={id}>{heading}</h3>
      <ul aria-labelledby={id}>
        {fields.map((field) => (
          <li data-field={field.name}>
            {field.title[site.lang]}
            {field.required === 'when' ? <span class="meta"> ({conditionText(site, g, field)})</span> : null}
          </li>
        ))}
      </ul>
    </>
  );

/**
 * `/guides/{processId}?city=`: the service guide (办事指南) of one process in one city, generated
 * from the definition in force there: steps with their handlers and time limits, the form's fields,
 * the documents, the conditions and their legal basis, the offices and the total time limit.
 */
export const GuidePage: FC<{ site: Site; guide: ServiceGuide; cities: readonly GuideCity[] }> = ({ site, guide, cities }) => {
  const g = guideMessages(site.lang);
  const { lang } = site;
  const city = guide.city;
  const query = cityQuery(city.code);
  const title = guide.title[lang];
  const path = `/guides/${guide.processId}`;
  return (
    <Layout site={site} head={{ title: `${g.guideTitle(title, city.name)} - ${site.m.siteName}`, description: g.guideDescription(title, city.name, guide.totalWorkingDays), path, query }}>
      <nav class="breadcrumb" aria-label={site.m.breadcrumb}>
        <ol>
          <li>
            <a href={site.href('/')}>{site.m.navHome}</a>
          </li>
          <li>
            <a href={site.href('/guides', query)}>{g.listTitle}</a>
          </li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <article class="panel" aria-labelledby="guide-title">
        <h1 id="guide-title">
          {title} <Data site={site} text={city.name} />
        </h1>
        <CityPicker site={site} path={path} cities={cities} current={city.code} />
        <h2>{g.summary}</h2>
        <dl class="facts">
          <Fact label={g.cityFact}>
            <Data site={site} text={city.name} />
          </Fact>
          <Fact label={g.subjectFact}>{guide.subject === 'employer' ? g.forEmployer : g.forPerson}</Fact>
          <Fact label={g.totalFact}>
            <span id="total-limit">{g.workingDays(guide.totalWorkingDays)}</span>
          </Fact>
          <Fact label={g.versionFact}>{g.versionValue(guide.version)}</Fact>
        </dl>
        <h2 id="steps">{g.stepsHeading}</h2>
        <ol aria-labelledby="steps">
          {guide.steps.map((step) => (
            <Step site={site} g={g} step={step} />
          ))}
        </ol>
        <h2>{g.formHeading}</h2>
        {guide.application.formTitle ? <p>{fill(g.formIntro, { form: guide.application.formTitle[lang] })}</p> : null}
        <FieldList site={site} g={g} id="required-fields" heading={g.requiredHeading} fields={guide.fields.filter((f) => f.required === 'always')} />
        <FieldList site={site} g={g} id="conditional-fields" heading={g.conditionalHeading} fields={guide.fields.filter((f) => f.required === 'when')} />
        <FieldList site={site} g={g} id="optional-fields" heading={g.optionalHeading} fields={guide.fields.filter((f) => f.required === 'optional')} />
        <h2 id="documents">{g.documentsHeading}</h2>
        {guide.documents.length > 0 ? (
          <ul aria-labelledby="documents">
            {guide.documents.map((doc) => (
              <li>
                {doc.title[lang]}
                {doc.required ? g.documentRequired : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{g.noDocuments}</p>
        )}
        {guide.rules.length > 0 ? (
          <>
            <h2 id="rules">{g.rulesHeading}</h2>
            <p>{g.rulesIntro}</p>
            <ul aria-labelledby="rules">
              {guide.rules.map((rule) => (
                <li>{rule.message[lang]}</li>
              ))}
            </ul>
          </>
        ) : null}
        {guide.legalBasis.length > 0 ? (
          <>
            <h2 id="basis">{g.basisHeading}</h2>
            <ul aria-labelledby="basis">
              {guide.legalBasis.map((basis) => (
                <li>
                  <Data site={site} text={basis} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </article>
      <section class="panel" aria-labelledby="offices">
        <h2 id="offices">{g.officesHeading}</h2>
        <p>{g.officesIntro}</p>
        <ul>
          {guide.offices.map((office) => (
            <li>
              <Data site={site} text={office.name} />
            </li>
          ))}
        </ul>
        <p class="meta">{fill(g.generatedNote, { city: <Data site={site} text={city.name} /> })}</p>
        <p>
          <a href={site.href('/guides', query)}>{g.allGuides}</a>
        </p>
      </section>
    </Layout>
  );
};
