// Tencent's pages that define the codes and statuses of this package. The Chinese pages under
// `cloud.tencent.com/document/product/1240/…` are the newest; the English ones under
// `tencentcloud.com/document/product/1211/…` are translations of older versions. Plain string
// constants, so that bundlers keep only the ones a build uses.

/** 附录一 (video and audio production): API codes and task `FailCode`s, two tables. @internal */
export const VIDEO_ERRORS_PAGE = 'https://cloud.tencent.com/document/product/1240/81277';
/** Interactive (session and drive) error codes. @internal */
export const INTERACTIVE_ERRORS_PAGE = 'https://cloud.tencent.com/document/product/1240/100406';
/** Customisation (avatar and voice cloning) result codes. @internal */
export const CUSTOMISATION_ERRORS_PAGE = 'https://cloud.tencent.com/document/product/1240/96071';
