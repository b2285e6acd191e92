// chat.ts: a live avatar that says each line you type.
// Run with: node chat.ts <VirtualmanProjectId>
// Type a line and press Enter; an empty line or Ctrl-D ends the chat. The session is closed
// however the program ends, so it never holds one of the account's paid slots.
import { createInterface } from 'node:readline/promises';
import { createClient } from '@tvs/client';

const VirtualmanProjectId = process.argv[2];
if (!VirtualmanProjectId) throw new Error('Usage: node chat.ts <VirtualmanProjectId>');
const client = createClient();

// run() creates the session, waits until it is ready, starts it, opens its command channel,
// and closes it all when the callback returns or throws.
await client.sessions.run(
  // A new session with the same UserId closes the old one: one per person chatting.
  { VirtualmanProjectId, UserId: `chat-${process.pid}`, Protocol: 'webrtc', DriverType: 1 },
  async ({ channel, created }) => {
    // The picture plays in Tencent's player from this address; this program drives it.
    console.log(`session ${created.SessionId}, stream ${created.PlayStreamAddr}`);
    channel.on('message', ({ message }) => {
      if (message.SpeakStatus) console.log(`  avatar: ${message.SpeakStatus}`);
    });
    const lines = createInterface({ input: process.stdin, terminal: false });
    for await (const line of lines) {
      if (line.trim() === '') break;
      // Lines go out more than a second apart, as the gateway asks (1240/100397);
      // finished() resolves when the avatar has said it (TextOver).
      const drive = await channel.sendText(line);
      await drive.finished();
    }
    lines.close();
  },
);
console.log('session closed');
