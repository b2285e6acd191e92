import { avatarName, describeState, key } from '@tvs/app-common';
import type { TvsClient } from '@tvs/client';
import { byId, h } from './dom.js';
import { showError } from './explain.js';
import type { Selection } from './selection.js';
import { srtToVtt } from './subtitles.js';

/** What `getprogress` answers. */
type VideoProgress = Awaited<ReturnType<TvsClient['video']['progress']>>;

/** `VideoParam.Format` values (1240/81268). */
const FORMATS = ['Mp4', 'TransparentWebm', 'TransparentMov'] as const;
type Format = (typeof FORMATS)[number];

const isFormat = (value: string): value is Format => (FORMATS as readonly string[]).includes(value);

/** How often the page asks for progress: every second, slower while queued (the client's rule). */
const POLL_MS = 1_000;
const MAX_POLL_MS = 5_000;

/** The text-to-video section: script, format, live progress, the result with subtitles. */
export function videoSection(client: TvsClient, selection: Selection, edgeUrl: string): void {
  const form = byId('video-form', HTMLFormElement);
  const script = byId('script', HTMLTextAreaElement);
  const format = byId('format', HTMLSelectElement);
  const button = byId('make-video', HTMLButtonElement);
  const bar = byId('video-progress', HTMLProgressElement);
  const state = byId('video-state', HTMLElement);
  const errors = byId('video-error', HTMLElement);
  const result = byId('video-result', HTMLElement);
  const video = byId('video', HTMLVideoElement);
  const track = byId('subtitles', HTMLTrackElement);
  const links = byId('result-links', HTMLElement);
  let trackUrl: string | undefined;

  const showProgress = (progress: VideoProgress) => {
    const { phase, detail } = describeState(progress);
    state.textContent = `${phase[0]!.toUpperCase()}${phase.slice(1)}: ${detail}`;
    state.dataset['phase'] = phase;
    if (progress.Status === 'COMMIT')
      bar.removeAttribute('value'); // indeterminate while queued
    else bar.value = progress.Status === 'SUCCESS' ? 100 : Math.max(0, progress.Progress ?? 0);
  };

  /**
   * The SRT as the `<track>`, converted to WebVTT in a `blob:` URL of this page; says in the
   * links below the video where the subtitles are, or why there are none.
   */
  const addSubtitles = async (url: string | undefined): Promise<Array<Node | string>> => {
    if (trackUrl) URL.revokeObjectURL(trackUrl);
    trackUrl = undefined;
    track.removeAttribute('src');
    if (!url) return ['This video has no subtitles.'];
    let srt: string;
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      srt = await response.text();
    } catch {
      // The storage must allow this origin to read the file (CORS); the link still works.
      return [
        'The subtitles could not be read here: ',
        h('a', { href: url }, 'open the SRT file'),
        '.',
      ];
    }
    trackUrl = URL.createObjectURL(new Blob([srtToVtt(srt)], { type: 'text/vtt' }));
    track.src = trackUrl;
    track.track.mode = 'showing';
    return ['Subtitles are on (', h('a', { href: url }, 'SRT file'), ').'];
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.replaceChildren();
    const avatar = selection.avatar;
    const text = script.value.trim();
    if (avatar === undefined) {
      showError(errors, new Error('Pick an avatar in the gallery first.'));
      return;
    }
    if (text === '') {
      showError(errors, new Error('Write what the avatar should say in the script box.'));
      script.focus();
      return;
    }
    const chosen = isFormat(format.value) ? format.value : 'Mp4';
    const voice = selection.voice;
    button.disabled = true;
    result.hidden = true;
    video.removeAttribute('src');
    bar.value = 0;
    state.dataset['phase'] = 'submitting';
    state.textContent = `Submitting a video of ${avatarName(avatar)}…`;
    try {
      const { TaskId } = await client.video.make({
        VirtualmanKey: key(avatar, 'VirtualmanKey'),
        InputSsml: text,
        SpeechParam: { Speed: 1, ...(voice ? { TimbreKey: key(voice, 'TimbreKey') } : {}) },
        VideoParam: { Format: chosen },
      });
      const done = await client.video.waitFor(TaskId, {
        pollInterval: POLL_MS,
        maxPollInterval: MAX_POLL_MS,
        onProgress: showProgress,
      });
      showProgress(done);
      if (!done.MediaUrl) throw new Error(`Task ${TaskId} succeeded without a MediaUrl.`);
      video.src = done.MediaUrl;
      const subtitles = await addSubtitles(done.SubtitlesUrl);
      // A cross-origin link cannot force a download (`download` is ignored): it opens the file.
      links.replaceChildren(
        h('a', { href: done.MediaUrl, download: '' }, 'Download the video'),
        ' ',
        ...subtitles,
      );
      result.hidden = false;
    } catch (error) {
      state.dataset['phase'] = 'failed';
      state.textContent = 'The video could not be made.';
      bar.value = 0;
      showError(errors, error, edgeUrl);
    } finally {
      button.disabled = false;
    }
  });
}
