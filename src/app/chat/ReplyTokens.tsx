import { TokenView } from '../../components/ui/TokenView';
import { tokensCoverText } from '../../domain/token-groups';
import type { TokenLogprob } from '../../domain/types';

/** A reply as its tokens (loaded on demand: the first screen does not need the token view). */
export default function ReplyTokens({ logprobs, content }: { logprobs: readonly TokenLogprob[]; content: string }) {
  return (
    <>
      <TokenView tokens={logprobs} />
      {tokensCoverText(logprobs, content) ? null : (
        <p className="mt-1 text-[11px] text-faint">These tokens, as the server sent them, do not spell the reply text exactly.</p>
      )}
    </>
  );
}
