import { describe, expect, it } from 'vitest';
import { loadConfig, parseClock, parsePublicUrl } from './config.ts';

describe('PROCURA_PUBLIC_URL', () => {
  it('is unset unless given, and kept as an origin with an optional path, without a trailing slash', () => {
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(loadConfig({ PROCURA_PUBLIC_URL: 'https://jcy.example.cn/' }).publicUrl).toBe(
      'https://jcy.example.cn',
    );
    expect(parsePublicUrl('https://example.cn/procura//')).toBe('https://example.cn/procura');
    expect(parsePublicUrl('http://10.1.2.3:8080')).toBe('http://10.1.2.3:8080');
  });

  it('refuses what is not a plain http(s) address, naming the value in Chinese', () => {
    for (const bad of [
      'jcy.example.cn',
      'ftp://example.cn',
      'https://example.cn/?a=1',
      'https://u:p@example.cn',
    ]) {
      expect(() => parsePublicUrl(bad)).toThrow(`PROCURA_PUBLIC_URL 无效：${bad}`);
    }
  });
});

describe('PROCURA_CLOCK', () => {
  it('stops the clock only in a test run, and refuses what is not an instant', () => {
    expect(loadConfig({}).clockAt).toBeUndefined();
    expect(parseClock('2026-11-25T10:00:00+08:00', 'test')?.toISOString()).toBe('2026-11-25T02:00:00.000Z');
    expect(() => parseClock('2026-11-25T10:00:00+08:00', 'production')).toThrow('PROCURA_CLOCK 仅供测试使用');
    expect(() => parseClock('2026-11-25T10:00:00+08:00', undefined)).toThrow('PROCURA_CLOCK 仅供测试使用');
    expect(() => parseClock('明天', 'test')).toThrow('PROCURA_CLOCK 无效：明天');
  });
});

describe('PROCURA_DEMO_WORK', () => {
  it('generates the demo work unless it is 0', () => {
    expect(loadConfig({}).demoWork).toBe(true);
    expect(loadConfig({ PROCURA_DEMO_WORK: '1' }).demoWork).toBe(true);
    expect(loadConfig({ PROCURA_DEMO_WORK: '0' }).demoWork).toBe(false);
  });
});
