import { Button } from '../../components/ui/Button';
import { useActiveEndpoint, useEndpointsStore } from '../endpoints/endpoints-store';

/** Sets the active profile to split `n` into parallel requests from now on, then does `onDone` (this turn's fan-out). */
export function AlwaysSplitButton({ onDone }: { onDone: () => void }) {
  const endpoint = useActiveEndpoint();
  return (
    <Button
      variant="secondary"
      className="h-7 max-w-72 px-2.5 text-[12.5px]"
      data-testid="split-n-always"
      title={`From now on, requests to ${endpoint.name} for several choices go out as parallel single-choice requests (change it under Settings → Endpoint)`}
      onClick={() => {
        useEndpointsStore.getState().setSplitN(endpoint.id, true);
        onDone();
      }}
    >
      <span className="truncate">Always for {endpoint.name}</span>
    </Button>
  );
}
