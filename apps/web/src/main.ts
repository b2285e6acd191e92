/**
 * The reference page: `@tvs/client` in the browser, pointed at the edge signer, which holds the
 * app key and access token and signs each call. This page never sees either.
 */
import { chatSection } from './chat.js';
import { loadConfig } from './config.js';
import { byId } from './dom.js';
import { createEdgeClient } from './edge.js';
import { showError } from './explain.js';
import { avatarGallery, voiceList } from './gallery.js';
import { Selection } from './selection.js';
import { videoSection } from './video.js';

async function start(): Promise<void> {
  const where = byId('where', HTMLElement);
  const galleryErrors = byId('gallery-error', HTMLElement);
  let config: Awaited<ReturnType<typeof loadConfig>>;
  try {
    config = await loadConfig();
  } catch (error) {
    where.textContent = 'Not connected.';
    showError(galleryErrors, error);
    return;
  }
  where.textContent = `Calls go through the edge signer at ${config.edgeUrl}, which signs them; this page holds no secret.`;
  const client = createEdgeClient(config);
  const selection = new Selection();
  const onGalleryError = (error: unknown) => showError(galleryErrors, error, config.edgeUrl);
  const avatars = avatarGallery(client, selection, onGalleryError);
  const voices = voiceList(client, selection, onGalleryError);
  byId('avatars', HTMLFieldSetElement).append(avatars.element);
  byId('voices', HTMLFieldSetElement).append(voices.element);
  videoSection(client, selection, config.edgeUrl);
  chatSection(client, selection, config);
  // Voices are matched to the avatar, so the avatars come first.
  await avatars.show(1);
  await voices.show(1);
  document.body.dataset['ready'] = 'true';
}

void start();
