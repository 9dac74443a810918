/** @jsxRuntime automatic @jsxImportSource react */
import { Alert, App, Badge, Button, Card, Checkbox, Drawer, Dropdown, Empty, Form, Input, Layout, Menu, Select, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * One of each antd component the first screens draw (the sign-in page; the signed-in frame with the inbox), in the
 * variants whose styles antd registers apart (a preset tag colour, a table's pagination and empty state). Rendered
 * once at build time (antd-style-sheet.ts), never shown: what matters is which style each one registers, not its props.
 * A component missing here still works, its styles built in the browser as before; the inbox's browser test
 * (test/e2e/antd-style-sheet.e2e.ts) names any.
 */
export function firstScreenSpecimens(): ReactNode {
  return (
    <App>
      {/* The sign-in page. */}
      <Card title="card">
        <Typography.Title level={1}>title</Typography.Title>
        <Typography.Text type="secondary">text</Typography.Text>
        <Alert type="error" title="alert" showIcon />
        <Form layout="vertical">
          <Form.Item label="name" name="name" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item label="password" name="password">
            <Input.Password />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>
            button
          </Button>
        </Form>
      </Card>
      {/* The signed-in frame. */}
      <Layout>
        <Layout.Header>
          <Space>
            <Badge count={1}>
              <Button type="link">bell</Button>
            </Badge>
            <Dropdown menu={{ items: [{ key: 'item', label: 'item' }] }}>
              <Button type="link">account</Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout>
          <Layout.Sider theme="light">
            <Menu mode="inline" items={[{ key: 'item', label: 'item' }]} />
          </Layout.Sider>
          <Layout.Content>
            {/* The inbox. */}
            <Checkbox>checkbox</Checkbox>
            <Select options={[{ value: '', label: 'option' }]} value="" />
            <Tooltip title="tooltip">
              <span>tooltip</span>
            </Tooltip>
            <Tag>tag</Tag>
            <Tag color="blue">tag</Tag>
            <Tag color="success">tag</Tag>
            <Spin />
            <Empty />
            <Table rowKey="id" size="middle" columns={[{ title: 'column', key: 'column', dataIndex: 'column' }]} dataSource={[{ id: 1, column: 'cell' }]} pagination={{ total: 100, showTotal: (n) => n }} />
            <Table rowKey="id" loading dataSource={[]} columns={[{ title: 'column', key: 'column' }]} />
          </Layout.Content>
        </Layout>
      </Layout>
      <Drawer open={false} />
    </App>
  );
}
