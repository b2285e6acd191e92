/**
 * The gateway paths forwarded when `ALLOWED_PATHS` is not set: what a browser front end needs to
 * browse avatars and voices, make videos and speech and follow their progress, and run an
 * interactive session. Left out on purpose: account-wide listings (`listsessionofuin` and the
 * other session listings show every user's sessions), cloning (`getuploadcredentials` hands out
 * storage credentials; `make`/`customerconfirm` create billable assets), live rooms (`takeover`)
 * and face detection. Add them through `ALLOWED_PATHS` if your front end really needs them.
 */
export const DEFAULT_ALLOWED_PATHS: readonly string[] = [
  '/v2/ivh/crmserver/customerassetservice/describetimbre',
  '/v2/ivh/crmserver/customerassetservice/describesmallsampleimage',
  '/v2/ivh/crmserver/customerassetservice/getanchor',
  '/v2/ivh/crmserver/customerassetservice/getimagebyanchor',
  '/v2/ivh/videomaker/broadcastservice/videomake',
  '/v2/ivh/videomaker/broadcastservice/videomakeadvanced',
  '/v2/ivh/videomaker/broadcastservice/videomakenotrain',
  '/v2/ivh/videomaker/broadcastservice/phototovideonotrain',
  '/v2/ivh/videomaker/broadcastservice/tts',
  '/v2/ivh/videomaker/broadcastservice/getprogress',
  '/v2/ivh/mediaproduction/mediaproduction/videomakewithppt',
  '/v2/ivh/mediaproduction/mediaproduction/getprogress',
  '/v2/ivh/sessionmanager/sessionmanagerservice/createsession',
  '/v2/ivh/sessionmanager/sessionmanagerservice/createsessionbyasset',
  '/v2/ivh/sessionmanager/sessionmanagerservice/statsession',
  '/v2/ivh/sessionmanager/sessionmanagerservice/startsession',
  '/v2/ivh/sessionmanager/sessionmanagerservice/closesession',
  '/v2/ivh/interactdriver/interactdriverservice/command',
];
