import type { Subject } from '../../api.ts';
import { useSearchMessages } from './messages.ts';

/** The subject's name, linking to the person's or employer's page; a dash for a case without one. */
export function SubjectLink({ subject }: { subject: Subject | null }) {
  const t = useSearchMessages();
  if (!subject) return <>—</>;
  const path = subject.type === 'person' ? `#/persons/${subject.id}` : `#/employers/${subject.id}`;
  return (
    <a href={path} aria-label={t('profileOf', { name: subject.name })}>
      {subject.name}
    </a>
  );
}
