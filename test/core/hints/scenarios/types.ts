// A scenario is one exchange shaped like a catalogue pitfall's "HAR signals", and what the hint
// engine must say about it. Scenario names start with the pitfall id: the generated
// docs/aws-pitfalls.md lists them as the tests that prove each pitfall.
import type { PitfallId } from '../../../../src/core/hints';
import type { Hint, Toolchain } from '../../../../src/core/types';
import type { Entry } from '../support';

export interface Scenario {
  /** `<pitfall id> — what the exchange shows`. */
  readonly name: string;
  readonly pitfall: PitfallId;
  readonly confidence: Hint['confidence'];
  readonly entries: () => Entry[];
  /** Strings a fix must contain (values from the HAR: origin, API id, refused headers...). */
  readonly fixContains?: readonly string[];
  /** Only look in this toolchain's fixes for `fixContains`. */
  readonly toolchain?: Toolchain;
  readonly evidenceContains?: readonly string[];
  /** The pitfall must be the first hint. */
  readonly first?: boolean;
}
