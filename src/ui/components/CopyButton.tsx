import { useState } from 'preact/hooks';
import { copyText } from '../clipboard';
import { strings } from '../strings';

/** A button that copies `text` and says whether it worked. */
export function CopyButton({ text, label = strings.detail.copy }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const onClick = async () => {
    setState((await copyText(text)) ? 'copied' : 'failed');
    setTimeout(() => setState('idle'), 1500);
  };
  return (
    <button type="button" class="copy" onClick={onClick} aria-live="polite">
      {state === 'copied' ? strings.detail.copied : state === 'failed' ? strings.detail.copyFailed : label}
    </button>
  );
}
