import { Button, Space, Typography } from 'antd';
import { useProfileMessages } from './messages.ts';
import { goBack } from './go-back.ts';

/**
 * The head of a person's or employer's page: back to where the user came from, and the page's
 * title (`kind · name` once the record is read), whose id labels the page's section.
 */
export function ProfileHead({ titleId, kind, name }: { titleId: string; kind: string; name: string | undefined }) {
  const t = useProfileMessages();
  return (
    <Space className="page-head" wrap>
      <Button onClick={() => goBack('/cases')}>{t('back')}</Button>
      <Typography.Title level={2} id={titleId}>
        {name === undefined ? kind : `${kind} · ${name}`}
      </Typography.Title>
    </Space>
  );
}
