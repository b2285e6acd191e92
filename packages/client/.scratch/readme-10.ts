import { createClient } from '@tvs/client';

const client = createClient({ baseUrl: 'https://edge.example/tvs' });
const channel = client.commandChannel('session-id', {
  url: 'wss://edge.example/v2/ws/ivh/interactdriver/interactdriverservice/commandchannel',
  protocols: ['tvs-edge-signer', `bearer.${'caller-token'}`],
});
channel.on('message', ({ message }) => console.log(message.SpeakStatus));
