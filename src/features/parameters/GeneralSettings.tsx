import MessageViewSetting from './MessageViewSetting';
import { RetrySetting } from './RetrySetting';

/** The settings that are not request parameters: retries and timeout, and how messages show. */
export default function GeneralSettings() {
  return (
    <>
      <RetrySetting />
      <MessageViewSetting />
    </>
  );
}
