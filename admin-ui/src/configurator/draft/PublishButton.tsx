import { App, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../api.ts';
import { useLocale } from '../../i18n.ts';
import type { Publication } from '../types.ts';
import { useConfigMessages } from '../messages.ts';
import { useDraftMessages } from './messages.ts';

/**
 * Publishes the saved draft after a confirmation: the new version (and what happened to the
 * levels below) is announced; a refusal shows the server's message and calls `onRefused`
 * (the draft is checked again, to list its problems).
 */
export function PublishButton({
  processId,
  disabled,
  levelName,
  onPublished,
  onRefused,
}: {
  processId: string;
  disabled: boolean;
  levelName: (level: string) => string;
  onPublished: (publication: Publication) => void;
  onRefused: () => void;
}) {
  const t = useDraftMessages();
  const config = useConfigMessages();
  const locale = useLocale();
  const { modal, message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const publish = async () => {
    setBusy(true);
    try {
      const publication = await api<Publication>('POST', `/processes/${encodeURIComponent(processId)}/overlay/publish`);
      const below = publication.levelsBelow;
      modal.success({
        title: t('published', { version: publication.version, base: publication.basedOnVersion }),
        // One paragraph for each thing that happened below (a newline in text would not show).
        content: [
          below.rebased.length > 0 ? t('rebased', { levels: below.rebased.map((level) => config('versionOf', { level: levelName(level.orgUnitId), n: level.version })).join('、') }) : '',
          below.needsAttention.length > 0 ? t('needsAttention', { levels: below.needsAttention.map((level) => levelName(level.orgUnitId)).join('、') }) : '',
        ]
          .filter(Boolean)
          .map((line) => <p key={line}>{line}</p>),
        okText: t('ok'),
      });
      onPublished(publication);
    } catch (error) {
      onRefused();
      void message.error(errorText(error, locale));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popconfirm title={t('publishConfirm')} okText={t('publish')} cancelText={t('cancel')} onConfirm={publish} disabled={disabled}>
      <Button type="primary" danger loading={busy} disabled={disabled}>
        {t('publish')}
      </Button>
    </Popconfirm>
  );
}
