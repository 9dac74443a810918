import { defineMessages } from '../i18n.ts';

/** The process packages screen, zh-CN first. */
export const usePackageMessages = defineMessages({
  title: { 'zh-CN': '业务插件包', en: 'Process packages' },
  intro: {
    'zh-CN': '部级标准业务以插件包（plugin.json 与流程 JSON）发布。安装新版本后，新办业务使用新版本，在办业务仍按原版本办理。',
    en: 'Ministry processes ship as packages (plugin.json and flow JSON). After a new version is installed, new cases use it; running cases stay on the version they started on.',
  },
  id: { 'zh-CN': '标识', en: 'Id' },
  version: { 'zh-CN': '版本', en: 'Version' },
  name: { 'zh-CN': '名称', en: 'Name' },
  processes: { 'zh-CN': '流程', en: 'Processes' },
  counts: { 'zh-CN': '参数 / 锁定 / 指标', en: 'Parameters / locks / indicators' },
  install: { 'zh-CN': '安装新版本', en: 'Install a new version' },
  choose: { 'zh-CN': '选择 plugin.json 及其列出的流程文件', en: 'Choose plugin.json and the flow files it lists' },
  check: { 'zh-CN': '校验', en: 'Check' },
  confirm: { 'zh-CN': '安装', en: 'Install' },
  noManifest: { 'zh-CN': '所选文件中没有 plugin.json', en: 'The chosen files hold no plugin.json' },
  unreadable: { 'zh-CN': '文件 {file} 不是合法的 JSON', en: '{file} is not valid JSON' },
  passed: { 'zh-CN': '{id} {version} 校验通过，可以安装', en: '{id} {version} passed the check and can be installed' },
  findings: { 'zh-CN': '发现 {count} 处问题，修正后再安装', en: '{count} problems found: fix them before installing' },
  installed: { 'zh-CN': '已安装 {id} {version}，发布了：{published}', en: 'Installed {id} {version}; published: {published}' },
  nothingPublished: { 'zh-CN': '无变化', en: 'nothing changed' },
});
