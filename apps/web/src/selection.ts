import type { Item } from '@tvs/app-common';

/** The avatar and voice picked in the gallery, which the video and the chat use. */
export class Selection extends EventTarget {
  #avatar: Item | undefined;
  #voice: Item | undefined;

  get avatar(): Item | undefined {
    return this.#avatar;
  }

  /** The voice, or undefined for the avatar's own voice. */
  get voice(): Item | undefined {
    return this.#voice;
  }

  setAvatar(avatar: Item | undefined): void {
    this.#avatar = avatar;
    this.dispatchEvent(new Event('avatar'));
  }

  setVoice(voice: Item | undefined): void {
    this.#voice = voice;
    this.dispatchEvent(new Event('voice'));
  }
}
