import { createClient, TvsAmbiguousError } from '@tvs/client';

const client = createClient();
const { Virtualmans } = await client.assets.listAvatars({ PageIndex: 1, PageSize: 1 });
const VirtualmanKey = String(Virtualmans[0]?.['VirtualmanKey']);
try {
  const { TaskId } = await client.video.make({
    VirtualmanKey,
    InputSsml: 'Once.',
    SpeechParam: { Speed: 1 },
    CallbackUrl: 'https://example.com/tvs-callback', // the task reports here, whoever made it
  });
  console.log('made', TaskId);
} catch (error) {
  if (!(error instanceof TvsAmbiguousError)) throw error;
  // Never resend blindly: record the requestId and reconcile when the callback (or your own
  // record of submitted work) shows whether the task exists.
  console.log('unknown outcome', error.requestId, error.reason, error.cause);
}
