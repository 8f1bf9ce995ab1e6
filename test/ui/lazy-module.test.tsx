// The panel's on-demand code (hint engine, API engine, APIs view): one import() shared by every caller, a new
// attempt after a failed load, and components that re-render when the module arrives.
import { describe, expect, test } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { lazyModule, useLazyModule, type LazyModule } from '../../src/ui/lazy-module';

const tick = () => act(async () => { await new Promise((r) => setTimeout(r, 0)); });

describe('lazyModule', () => {
  test('imports once for every caller, and is there at once afterwards', async () => {
    let imports = 0;
    const lazy = lazyModule(async () => ({ n: ++imports }));
    expect(lazy.now()).toBeNull();
    const [a, b] = await Promise.all([lazy.load(), lazy.load()]);
    expect(a).toBe(b);
    expect(lazy.now()).toBe(a);
    expect(imports).toBe(1);
  });

  test('a failed import is tried again by the next load', async () => {
    let attempts = 0;
    const lazy = lazyModule(async () => {
      if (++attempts === 1) throw new Error('chunk failed');
      return { ok: true };
    });
    await expect(lazy.load()).rejects.toThrow('chunk failed');
    expect(lazy.now()).toBeNull();
    await expect(lazy.load()).resolves.toEqual({ ok: true });
    expect(attempts).toBe(2);
  });
});

function Probe({ lazy, wanted, retryKey }: { lazy: LazyModule<{ name: string }>; wanted: boolean; retryKey?: unknown }) {
  const { module, error } = useLazyModule(lazy, wanted, retryKey);
  return <p>{module ? module.name : error ?? 'loading'}</p>;
}

describe('useLazyModule', () => {
  test('loads only when wanted, then re-renders with the module', async () => {
    let imports = 0;
    const lazy = lazyModule(async () => ({ name: `engine ${++imports}` }));
    const root = document.createElement('div');
    act(() => render(<Probe lazy={lazy} wanted={false} />, root));
    await tick();
    expect(root.textContent).toBe('loading');
    expect(imports).toBe(0);
    act(() => render(<Probe lazy={lazy} wanted />, root));
    await tick();
    expect(root.textContent).toBe('engine 1');
  });

  test('says why the load failed, and a new retry key tries again', async () => {
    let attempts = 0;
    const lazy = lazyModule(async () => {
      if (++attempts === 1) throw new Error('chunk failed');
      return { name: 'engine' };
    });
    const root = document.createElement('div');
    act(() => render(<Probe lazy={lazy} wanted retryKey="x1" />, root));
    await tick();
    expect(root.textContent).toBe('chunk failed');
    act(() => render(<Probe lazy={lazy} wanted retryKey="x2" />, root));
    await tick();
    expect(root.textContent).toBe('engine');
    expect(attempts).toBe(2);
  });
});
